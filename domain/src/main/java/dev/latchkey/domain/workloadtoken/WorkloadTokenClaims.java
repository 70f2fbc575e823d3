package dev.latchkey.domain.workloadtoken;

import dev.latchkey.domain.scope.ScopeSet;
import java.time.Instant;
import java.util.Objects;

/**
 * What a delegated workload token says (RFC 9068 profile, RFC 8693 §4.1): the delegating user
 * ({@code sub}), the workload acting for them ({@code act.sub}), the grant, the tenant, the scopes,
 * its id, and its short life.
 */
public record WorkloadTokenClaims(
        String workloadId,
        String userId,
        String grantId,
        String tenantId,
        ScopeSet scopes,
        String tokenId,
        Instant issuedAt,
        Instant expiresAt) {

    public WorkloadTokenClaims {
        Objects.requireNonNull(workloadId, "workloadId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(grantId, "grantId");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(scopes, "scopes");
        Objects.requireNonNull(tokenId, "tokenId");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }
}
