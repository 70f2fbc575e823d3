package dev.latchkey.domain.grant;

import dev.latchkey.domain.auth.VerificationCache;
import dev.latchkey.domain.scope.ScopeSet;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

/**
 * A user's delegation of part of their authority to a workload, in one tenant, until it expires or
 * is revoked. It records what was requested; what it grants is always computed afresh as
 * user's scopes ∩ approved workload policy ∩ requested, so narrowing either side narrows every
 * outstanding grant and its tokens at once.
 */
public record DelegationGrant(
        String id,
        String tenantId,
        String userId,
        String workloadId,
        ScopeSet requested,
        Instant createdAt,
        Instant expiresAt,
        Optional<Instant> revokedAt) {

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

    /**
     * How a revoked token of this grant is remembered: its {@code jti} under this grant, hashed to a
     * fixed length. A token id revoked through one grant therefore never touches another grant's
     * tokens, nor a user token with the same id — nobody revokes what they did not issue.
     */
    public String tokenRevocationKey(String tokenId) {
        byte[] digest = VerificationCache.fingerprint(id + "\n" + tokenId).array();
        return "wkt_" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    }
}
