package dev.latchkey.domain.oauth;

import dev.latchkey.domain.scope.ScopeSet;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One issued access token and its refresh token, stored as SHA-256 hashes. Every pair descends from
 * one authorization code: the pairs of one code form a family, revoked together when a code or a
 * rotated refresh token is replayed. {@code rotatedAt} is when the refresh token was exchanged.
 * {@code grantedScopes} is what the person approved for the whole family: a refresh may ask for any
 * part of it again, however narrow the refresh before it (RFC 6749 §6). A machine client's token
 * ({@code client_credentials}) has no person and no refresh token: it acts for the client itself, in
 * the client's workspace.
 */
public record OAuthToken(
        String id,
        String familyId,
        String clientId,
        Optional<String> userId,
        String workspaceId,
        ScopeSet scopes,
        ScopeSet grantedScopes,
        String resource,
        String accessHash,
        Instant accessExpiresAt,
        Optional<String> refreshHash,
        Instant refreshExpiresAt,
        Instant issuedAt,
        Optional<Instant> rotatedAt,
        Optional<Instant> revokedAt) {

    public OAuthToken {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(familyId, "familyId");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(workspaceId, "workspaceId");
        Objects.requireNonNull(scopes, "scopes");
        Objects.requireNonNull(grantedScopes, "grantedScopes");
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(accessHash, "accessHash");
        Objects.requireNonNull(accessExpiresAt, "accessExpiresAt");
        Objects.requireNonNull(refreshHash, "refreshHash");
        Objects.requireNonNull(refreshExpiresAt, "refreshExpiresAt");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(rotatedAt, "rotatedAt");
        Objects.requireNonNull(revokedAt, "revokedAt");
    }

    public boolean accessUsableAt(Instant now) {
        return revokedAt.isEmpty() && now.isBefore(accessExpiresAt);
    }

    public boolean refreshUsableAt(Instant now) {
        return refreshHash.isPresent() && revokedAt.isEmpty() && now.isBefore(refreshExpiresAt);
    }

    /** Whether a machine client holds it for itself, rather than for a person. */
    public boolean isClientsOwn() {
        return userId.isEmpty();
    }
}
