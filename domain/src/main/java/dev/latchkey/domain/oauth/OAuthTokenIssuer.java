package dev.latchkey.domain.oauth;

import dev.latchkey.domain.common.Base62;
import dev.latchkey.domain.common.IdGenerator;
import dev.latchkey.domain.scope.ScopeSet;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/** Mints an access and refresh token pair in a family, storing only their hashes. */
public final class OAuthTokenIssuer {
    private static final int TOKEN_LENGTH = 43; // ~256 bits of base62

    private final OAuthTokenStore tokens;
    private final OAuthClients clients;
    private final OAuthSettings settings;
    private final IdGenerator ids;
    private final SecureRandom random;
    private final Clock clock;

    public OAuthTokenIssuer(
            OAuthTokenStore tokens,
            OAuthClients clients,
            OAuthSettings settings,
            IdGenerator ids,
            SecureRandom random,
            Clock clock) {
        this.tokens = tokens;
        this.clients = clients;
        this.settings = settings;
        this.ids = ids;
        this.random = random;
        this.clock = clock;
    }

    String newFamilyId() {
        return ids.newId("ofam");
    }

    IssuedTokens issue(
            String familyId, OAuthClient client, String userId, String workspaceId, ScopeSet scopes, String resource) {
        Instant now = clock.instant();
        String access = settings.accessTokenPrefix() + Base62.random(random, TOKEN_LENGTH);
        String refresh = settings.refreshTokenPrefix() + Base62.random(random, TOKEN_LENGTH);
        tokens.insert(new OAuthToken(
                ids.newId("oat"),
                familyId,
                client.clientId(),
                userId,
                workspaceId,
                scopes,
                resource,
                TokenHashes.of(access),
                now.plus(settings.accessTokenLifetime()),
                TokenHashes.of(refresh),
                now.plus(settings.refreshTokenLifetime()),
                now,
                Optional.empty(),
                Optional.empty()));
        clients.markUsed(client, now);
        return new IssuedTokens(access, refresh, settings.accessTokenLifetime(), scopes);
    }
}
