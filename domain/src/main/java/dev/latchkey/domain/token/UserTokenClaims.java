package dev.latchkey.domain.token;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What a user access token says: who ({@code sub}), in which workspace
 * ({@code tenant_id}) with which role at issue time ({@code org_role}), when, until when, and its
 * id ({@code jti}) so it can be revoked on its own. A session token — one with {@code signedInAt},
 * when the person signed in — is a browser's sign-in at Latchkey's own pages, never an API
 * credential; renewing it keeps its id and its sign-in time, so logout ends every renewal and the
 * absolute timeout counts from the sign-in.
 */
public record UserTokenClaims(
        String subject,
        Optional<String> tenantId,
        Optional<String> orgRole,
        Instant issuedAt,
        Instant expiresAt,
        String tokenId,
        Optional<Instant> signedInAt) {

    /** An API access token. */
    public UserTokenClaims(
            String subject,
            Optional<String> tenantId,
            Optional<String> orgRole,
            Instant issuedAt,
            Instant expiresAt,
            String tokenId) {
        this(subject, tenantId, orgRole, issuedAt, expiresAt, tokenId, Optional.empty());
    }

    public UserTokenClaims {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(orgRole, "orgRole");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(tokenId, "tokenId");
        Objects.requireNonNull(signedInAt, "signedInAt");
    }

    public boolean session() {
        return signedInAt.isPresent();
    }
}
