package dev.latchkey.domain.workload;

import dev.latchkey.domain.scope.ScopeSet;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One proposed scope policy of a workload, and the decision on it (who, when). A workload's effective
 * policy is its latest approved one; rejecting an approved policy withdraws it.
 */
public record WorkloadPolicy(
        String id,
        String workloadId,
        String tenantId,
        ScopeSet scopes,
        PolicyStatus status,
        String proposedBy,
        Instant proposedAt,
        Optional<String> decidedBy,
        Optional<Instant> decidedAt) {

    public WorkloadPolicy {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(workloadId, "workloadId");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(scopes, "scopes");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(proposedBy, "proposedBy");
        Objects.requireNonNull(proposedAt, "proposedAt");
        Objects.requireNonNull(decidedBy, "decidedBy");
        Objects.requireNonNull(decidedAt, "decidedAt");
    }

    public WorkloadPolicy decided(PolicyStatus decision, String by, Instant at) {
        return new WorkloadPolicy(
                id, workloadId, tenantId, scopes, decision, proposedBy, proposedAt, Optional.of(by), Optional.of(at));
    }
}
