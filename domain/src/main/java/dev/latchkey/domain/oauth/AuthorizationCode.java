package dev.latchkey.domain.oauth;

import dev.latchkey.domain.scope.ScopeSet;
import java.time.Instant;
import java.util.Objects;

/**
 * An authorization code as stored: only its SHA-256, and everything it is bound to — client,
 * redirect URI, PKCE challenge, scopes, resource, user and workspace. It is redeemed once; the
 * token family it produced is recorded so that a second redemption can revoke that family.
 */
public record AuthorizationCode(
        String codeHash,
        String clientId,
        String redirectUri,
        String codeChallenge,
        ScopeSet scopes,
        String resource,
        String userId,
        String workspaceId,
        Instant issuedAt,
        Instant expiresAt) {

    public AuthorizationCode {
        Objects.requireNonNull(codeHash, "codeHash");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(redirectUri, "redirectUri");
        Objects.requireNonNull(codeChallenge, "codeChallenge");
        Objects.requireNonNull(scopes, "scopes");
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(workspaceId, "workspaceId");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }
}
