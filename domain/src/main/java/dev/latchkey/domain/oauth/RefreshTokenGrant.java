package dev.latchkey.domain.oauth;

import dev.latchkey.domain.scope.ScopeSet;
import dev.latchkey.domain.user.UserStore;
import java.time.Clock;
import java.time.Instant;

/**
 * Exchanges a refresh token for a new pair, rotating it every time (OAuth 2.1 §4.3.1). A rotated
 * token presented again within {@code refreshReuseGrace} gets another pair (clients that refresh
 * twice at once); after that it is treated as stolen and the whole family is revoked. Scopes may
 * only narrow. A refresh token issued before its person's last "log out everywhere" (or a password
 * reset) is refused, and its family revoked: signing out everywhere must reach every client.
 */
public final class RefreshTokenGrant implements TokenGrant {
    private final OAuthTokenStore tokens;
    private final OAuthTokenIssuer issuer;
    private final OAuthRevocations revocations;
    private final ProtectedResources resources;
    private final OAuthSettings settings;
    private final UserStore users;
    private final Clock clock;

    public RefreshTokenGrant(
            OAuthTokenStore tokens,
            OAuthTokenIssuer issuer,
            OAuthRevocations revocations,
            ProtectedResources resources,
            OAuthSettings settings,
            UserStore users,
            Clock clock) {
        this.users = users;
        this.tokens = tokens;
        this.issuer = issuer;
        this.revocations = revocations;
        this.resources = resources;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public String grantType() {
        return RegisterClient.REFRESH_TOKEN;
    }

    @Override
    public IssuedTokens grant(OAuthClient client, TokenRequest request) {
        String presented = request.required(request.refreshToken(), "refresh_token");
        Instant now = clock.instant();
        OAuthToken current = tokens.findByRefreshHash(TokenHashes.of(presented))
                .filter(token -> token.clientId().equals(client.clientId()))
                .orElseThrow(() -> invalidGrant("The refresh token is not valid"));
        if (!current.refreshUsableAt(now)) {
            throw invalidGrant("The refresh token has expired or was revoked");
        }
        // Only a person's tokens have a refresh token, so one found by it has its person.
        String userId = current.userId().orElseThrow(() -> invalidGrant("The refresh token is not valid"));
        if (users.findById(userId)
                .filter(user -> user.acceptsTokenIssuedAt(current.issuedAt()))
                .isEmpty()) {
            revocations.revokeFamily(current.familyId());
            throw invalidGrant("The person signed out everywhere after this refresh token was issued");
        }
        ScopeSet scopes = ScopeWords.within(
                current.grantedScopes(), request.scope(), "a refresh can only ask for scopes that were granted");
        if (request.resource().isPresent()
                && !resources
                        .find(request.resource().get())
                        .filter(current.resource()::equals)
                        .isPresent()) {
            throw new OAuthFailure(OAuthError.INVALID_TARGET, "resource differs from the one that was authorized");
        }
        boolean firstUse = current.rotatedAt().isEmpty() && tokens.markRotated(current.id(), now);
        if (!firstUse && !withinGrace(current, now)) {
            revocations.revokeFamily(current.familyId());
            throw invalidGrant("The refresh token was already used; every token of this authorization is revoked");
        }
        return issuer.issue(
                current.familyId(),
                client,
                userId,
                current.workspaceId(),
                scopes,
                current.grantedScopes(),
                current.resource());
    }

    /** A lost race to rotate (no rotatedAt loaded yet) counts as concurrent, hence within grace. */
    private boolean withinGrace(OAuthToken token, Instant now) {
        return token.rotatedAt()
                .map(at -> now.isBefore(at.plus(settings.refreshReuseGrace())))
                .orElse(true);
    }

    private static OAuthFailure invalidGrant(String description) {
        return new OAuthFailure(OAuthError.INVALID_GRANT, description);
    }
}
