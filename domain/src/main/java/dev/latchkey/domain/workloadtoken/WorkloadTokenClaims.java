package dev.latchkey.domain.workloadtoken;

import dev.latchkey.domain.scope.ScopeSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a delegated workload token says (RFC 9068 profile, RFC 8693 §4.1): the delegating user
 * ({@code sub}), the workload acting for them ({@code act.sub}), the grant, the tenant, the scopes,
 * its id, and its short life. A token a workload got by handing on another's ({@code through}, root
 * first) names each earlier workload and the token it held; the grant is the root workload's.
 */
public record WorkloadTokenClaims(
        String workloadId,
        String userId,
        String grantId,
        String tenantId,
        ScopeSet scopes,
        String tokenId,
        Instant issuedAt,
        Instant expiresAt,
        List<Hop> through) {

    /** An earlier workload in a delegation chain, and the token it handed on. */
    public record Hop(String workloadId, String tokenId) {
        public Hop {
            Objects.requireNonNull(workloadId, "workloadId");
            Objects.requireNonNull(tokenId, "tokenId");
        }
    }

    /** A token issued straight for a grant: no earlier workload. */
    public WorkloadTokenClaims(
            String workloadId,
            String userId,
            String grantId,
            String tenantId,
            ScopeSet scopes,
            String tokenId,
            Instant issuedAt,
            Instant expiresAt) {
        this(workloadId, userId, grantId, tenantId, scopes, tokenId, issuedAt, expiresAt, List.of());
    }

    /** The workload the grant was given to: the first of the chain. */
    public String grantedWorkloadId() {
        return through.isEmpty() ? workloadId : through.get(0).workloadId();
    }

    /** Every workload of the chain, the grant's first and this token's last. */
    public List<String> chain() {
        List<String> chain = new ArrayList<>();
        through.forEach(hop -> chain.add(hop.workloadId()));
        chain.add(workloadId);
        return List.copyOf(chain);
    }

    public WorkloadTokenClaims {
        Objects.requireNonNull(workloadId, "workloadId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(grantId, "grantId");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(scopes, "scopes");
        Objects.requireNonNull(tokenId, "tokenId");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        through = List.copyOf(through);
    }
}
