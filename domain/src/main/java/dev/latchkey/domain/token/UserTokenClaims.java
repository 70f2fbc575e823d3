package dev.latchkey.domain.token;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What a user access token says: who ({@code sub}), in which workspace
 * ({@code tenant_id}) with which role at issue time ({@code org_role}), when, until when, and its
 * id ({@code jti}) so it can be revoked on its own.
 */
public record UserTokenClaims(String subject, Optional<String> tenantId, Optional<String> orgRole,
        Instant issuedAt, Instant expiresAt, String tokenId) {

    public UserTokenClaims {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(orgRole, "orgRole");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(tokenId, "tokenId");
    }
}
