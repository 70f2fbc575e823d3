package dev.latchkey.domain.workload;

import dev.latchkey.domain.common.SecretHasher;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An agent or service registered by a tenant admin. It proves itself with its own secret (kept only
 * as a hash) when it asks for a workload token; what it may do comes from its approved policy
 * intersected with each delegating user's scopes. After a rotation the replaced secret is accepted
 * until its overlap ends. A federated workload proves itself with its platform's signed token instead.
 */
public record Workload(
        String id,
        String tenantId,
        String name,
        String secretHash,
        Instant createdAt,
        String createdBy,
        WorkloadStatus status,
        Optional<RetiringSecret> retiringSecret,
        Optional<WorkloadFederation> federation) {

    /** A newly registered workload: active, one secret. */
    public Workload(String id, String tenantId, String name, String secretHash, Instant createdAt, String createdBy) {
        this(id, tenantId, name, secretHash, createdAt, createdBy, WorkloadStatus.ACTIVE, Optional.empty());
    }

    /** Without federation. */
    public Workload(
            String id,
            String tenantId,
            String name,
            String secretHash,
            Instant createdAt,
            String createdBy,
            WorkloadStatus status,
            Optional<RetiringSecret> retiringSecret) {
        this(id, tenantId, name, secretHash, createdAt, createdBy, status, retiringSecret, Optional.empty());
    }

    public Workload {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(secretHash, "secretHash");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(createdBy, "createdBy");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(retiringSecret, "retiringSecret");
        Objects.requireNonNull(federation, "federation");
        if (name.isBlank() || name.length() > 200) {
            throw new IllegalArgumentException("workload name must be 1..200 characters");
        }
    }

    public boolean isActive() {
        return status == WorkloadStatus.ACTIVE;
    }

    public Workload withStatus(WorkloadStatus next) {
        return new Workload(id, tenantId, name, secretHash, createdAt, createdBy, next, retiringSecret, federation);
    }

    /** The new secret's hash replaces the current one, which stays accepted until {@code overlapEnds}. */
    public Workload withNewSecret(String newHash, Instant overlapEnds, Instant now) {
        Optional<RetiringSecret> retiring =
                overlapEnds.isAfter(now) ? Optional.of(new RetiringSecret(secretHash, overlapEnds)) : Optional.empty();
        return new Workload(id, tenantId, name, newHash, createdAt, createdBy, status, retiring, federation);
    }

    /**
     * Whether {@code secret} is this workload's current secret, or the one a rotation replaced while its
     * overlap lasts. Both are checked every time, so the answer takes as long either way.
     */
    public boolean proves(String secret, SecretHasher hasher, Instant now) {
        boolean current = hasher.verify(secretHash, secret);
        boolean retiring = retiringSecret
                .filter(r -> now.isBefore(r.until()))
                .map(r -> hasher.verify(r.hash(), secret))
                .orElse(false);
        return current | retiring;
    }
}
