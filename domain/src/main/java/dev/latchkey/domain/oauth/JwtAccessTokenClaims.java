package dev.latchkey.domain.oauth;

import dev.latchkey.domain.scope.ScopeSet;
import java.time.Instant;
import java.util.Objects;

/**
 * What an RFC 9068 JWT access token says: its id ({@code jti}), the client it was issued to, the
 * person ({@code sub}) and workspace it acts in, its scopes, the one resource it is for ({@code aud}),
 * and when it was issued and expires. The issuer and the signature are the signer's.
 */
public record JwtAccessTokenClaims(
        String tokenId,
        String clientId,
        String subject,
        String workspaceId,
        ScopeSet scopes,
        String resource,
        Instant issuedAt,
        Instant expiresAt) {

    public JwtAccessTokenClaims {
        Objects.requireNonNull(tokenId, "tokenId");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(workspaceId, "workspaceId");
        Objects.requireNonNull(scopes, "scopes");
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }
}
