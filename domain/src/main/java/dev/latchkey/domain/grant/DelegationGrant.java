package dev.latchkey.domain.grant;

import dev.latchkey.domain.scope.ScopeSet;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A user's delegation of part of their authority to a workload, in one tenant, until it expires or
 * is revoked. It records what was requested; what it grants is always computed afresh as
 * user's scopes ∩ approved workload policy ∩ requested, so narrowing either side narrows every
 * outstanding grant and its tokens at once.
 */
public record DelegationGrant(String id, String tenantId, String userId, String workloadId, ScopeSet requested,
        Instant createdAt, Instant expiresAt, Optional<Instant> revokedAt) {

    public DelegationGrant {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(workloadId, "workloadId");
        Objects.requireNonNull(requested, "requested");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(revokedAt, "revokedAt");
    }

    public boolean isActiveAt(Instant now) {
        return revokedAt.isEmpty() && now.isBefore(expiresAt);
    }
}
