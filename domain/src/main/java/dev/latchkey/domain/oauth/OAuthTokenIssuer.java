package dev.latchkey.domain.oauth;

import dev.latchkey.domain.common.Base62;
import dev.latchkey.domain.common.IdGenerator;
import dev.latchkey.domain.scope.ScopeSet;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Mints an access and refresh token pair in a family, storing only their hashes. The access token
 * is opaque, or — for a resource that asked for them — an RFC 9068 JWT with a short life; both are
 * found again by their hash, so revocation reaches either at Latchkey at once. A machine client's
 * own opaque token is sealed instead ({@link SealedMachineTokens}): nothing is stored for it.
 */
public final class OAuthTokenIssuer {
    private static final int TOKEN_LENGTH = 43; // ~256 bits of base62

    private final OAuthTokenStore tokens;
    private final OAuthClients clients;
    private final OAuthSettings settings;
    private final IdGenerator ids;
    private final SecureRandom random;
    private final Clock clock;
    private final AccessTokenFormats formats;
    private final Optional<JwtAccessTokenSigner> signer;
    private final SealedMachineTokens sealed;

    /** Opaque access tokens for every resource. */
    public OAuthTokenIssuer(
            OAuthTokenStore tokens,
            SealedMachineTokens sealed,
            OAuthClients clients,
            OAuthSettings settings,
            IdGenerator ids,
            SecureRandom random,
            Clock clock) {
        this(tokens, sealed, clients, settings, ids, random, clock, AccessTokenFormats.allOpaque(), Optional.empty());
    }

    /** @throws IllegalArgumentException when some resource wants JWT access tokens and there is no signer */
    public OAuthTokenIssuer(
            OAuthTokenStore tokens,
            SealedMachineTokens sealed,
            OAuthClients clients,
            OAuthSettings settings,
            IdGenerator ids,
            SecureRandom random,
            Clock clock,
            AccessTokenFormats formats,
            Optional<JwtAccessTokenSigner> signer) {
        if (formats.anyJwt() && signer.isEmpty()) {
            throw new IllegalArgumentException("JWT access tokens need a signer");
        }
        this.formats = formats;
        this.signer = signer;
        this.tokens = tokens;
        this.sealed = sealed;
        this.clients = clients;
        this.settings = settings;
        this.ids = ids;
        this.random = random;
        this.clock = clock;
    }

    String newFamilyId() {
        return ids.newId("ofam");
    }

    /** The first pair of a family: what was approved is what it holds. */
    IssuedTokens issue(
            String familyId, OAuthClient client, String userId, String workspaceId, ScopeSet scopes, String resource) {
        return issue(familyId, client, userId, workspaceId, scopes, scopes, resource);
    }

    /** A pair of a family whose person approved {@code grantedScopes}; {@code scopes} are this pair's. */
    IssuedTokens issue(
            String familyId,
            OAuthClient client,
            String userId,
            String workspaceId,
            ScopeSet scopes,
            ScopeSet grantedScopes,
            String resource) {
        return mint(familyId, client, Optional.of(userId), workspaceId, scopes, grantedScopes, resource);
    }

    /**
     * A machine client's own access token (client_credentials): no person, no refresh token. Sealed
     * when opaque; a JWT is stored like every JWT access token (found by its hash, revocable at once).
     */
    IssuedTokens issueForClient(OAuthClient client, String workspaceId, ScopeSet scopes, String resource) {
        if (formats.jwtLifetime(resource).isPresent()) {
            return mint(newFamilyId(), client, Optional.empty(), workspaceId, scopes, scopes, resource);
        }
        Instant now = clock.instant();
        Duration lifetime = settings.accessTokenLifetime();
        String id = ids.newId("oat");
        String access = sealed.seal(id, client.clientId(), workspaceId, scopes, resource, now, now.plus(lifetime));
        clients.markUsed(client, now);
        return new IssuedTokens(access, Optional.empty(), lifetime, scopes);
    }

    private IssuedTokens mint(
            String familyId,
            OAuthClient client,
            Optional<String> userId,
            String workspaceId,
            ScopeSet scopes,
            ScopeSet grantedScopes,
            String resource) {
        Instant now = clock.instant();
        String id = ids.newId("oat");
        Optional<Duration> jwtLifetime = formats.jwtLifetime(resource);
        Duration lifetime = jwtLifetime.orElse(settings.accessTokenLifetime());
        Instant accessExpiresAt = now.plus(lifetime);
        // RFC 9068 §2.2: with no resource owner, sub names the client.
        String subject = userId.orElse(client.clientId());
        String access = jwtLifetime.isPresent()
                ? signer.orElseThrow()
                        .sign(new JwtAccessTokenClaims(
                                id, client.clientId(), subject, workspaceId, scopes, resource, now, accessExpiresAt))
                : settings.accessTokenPrefix() + Base62.random(random, TOKEN_LENGTH);
        Optional<String> refresh =
                userId.map(forPerson -> settings.refreshTokenPrefix() + Base62.random(random, TOKEN_LENGTH));
        tokens.insert(new OAuthToken(
                id,
                familyId,
                client.clientId(),
                userId,
                workspaceId,
                scopes,
                grantedScopes,
                resource,
                TokenHashes.of(access),
                accessExpiresAt,
                refresh.map(TokenHashes::of),
                refresh.isPresent() ? now.plus(settings.refreshTokenLifetime()) : accessExpiresAt,
                now,
                Optional.empty(),
                Optional.empty()));
        clients.markUsed(client, now);
        return new IssuedTokens(access, refresh, lifetime, scopes);
    }
}
