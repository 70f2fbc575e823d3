package dev.latchkey.domain.oauth;

import dev.latchkey.domain.scope.ScopeSet;
import java.time.Duration;
import java.util.Objects;

/**
 * The authorization server's policy: token formats and lifetimes, the scopes clients may ask for,
 * and the scopes they get when they ask for none.
 *
 * @param tokenPrefix prepended to {@code oat_} (access) and {@code ort_} (refresh), e.g. {@code lk_}
 * @param refreshReuseGrace how long a rotated refresh token still works, for clients that refresh
 *     twice at once; a replay after it revokes the family
 */
public record OAuthSettings(
        String issuer,
        String tokenPrefix,
        ScopeSet supportedScopes,
        ScopeSet defaultScopes,
        Duration accessTokenLifetime,
        Duration refreshTokenLifetime,
        Duration codeLifetime,
        Duration refreshReuseGrace) {

    public OAuthSettings {
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(tokenPrefix, "tokenPrefix");
        Objects.requireNonNull(supportedScopes, "supportedScopes");
        Objects.requireNonNull(defaultScopes, "defaultScopes");
        if (!supportedScopes.coversAll(defaultScopes)) {
            throw new IllegalArgumentException("oauth.defaultScopes must be among oauth.scopes");
        }
        if (codeLifetime.compareTo(Duration.ofMinutes(10)) > 0) {
            throw new IllegalArgumentException("oauth.codeLifetime must be at most 10 minutes");
        }
    }

    public String accessTokenPrefix() {
        return tokenPrefix + "oat_";
    }

    public String refreshTokenPrefix() {
        return tokenPrefix + "ort_";
    }
}
