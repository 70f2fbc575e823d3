package dev.latchkey.domain.oauth;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Which protected resources receive RFC 9068 JWT access tokens instead of opaque ones, and how long
 * those live. A JWT access token is checked by its resource server alone, with the published keys,
 * so revoking it cannot reach that server before it expires: its lifetime is kept short, and a server
 * that must see a revocation at once introspects instead (docs/oauth.md).
 */
public final class AccessTokenFormats {
    /** Long enough for a session of tool calls, short enough that a revoked token dies soon. */
    public static final Duration DEFAULT_JWT_LIFETIME = Duration.ofMinutes(5);
    /** Signing keys stay published this long after they stop signing: no JWT may outlive that. */
    public static final Duration MAX_JWT_LIFETIME = Duration.ofMinutes(15);

    private final Map<String, Duration> jwtLifetimes;

    /** @param jwtLifetimes canonical resource URI → the lifetime of the JWT access tokens issued for it */
    public AccessTokenFormats(Map<String, Duration> jwtLifetimes) {
        jwtLifetimes.forEach((resource, lifetime) -> {
            if (lifetime.isNegative() || lifetime.isZero() || lifetime.compareTo(MAX_JWT_LIFETIME) > 0) {
                throw new IllegalArgumentException("the JWT access tokens of " + resource
                        + " must live more than nothing and at most " + MAX_JWT_LIFETIME.toMinutes() + " minutes");
            }
        });
        this.jwtLifetimes = Map.copyOf(jwtLifetimes);
    }

    /** Every resource gets opaque tokens. */
    public static AccessTokenFormats allOpaque() {
        return new AccessTokenFormats(Map.of());
    }

    /** The lifetime of a JWT access token for {@code resource}, or empty when its tokens are opaque. */
    public Optional<Duration> jwtLifetime(String resource) {
        return Optional.ofNullable(jwtLifetimes.get(resource));
    }

    public boolean anyJwt() {
        return !jwtLifetimes.isEmpty();
    }

    /** The longest a JWT access token lives, for how long a retired signing key must stay published. */
    public Duration longestJwtLifetime() {
        return jwtLifetimes.values().stream().max(Duration::compareTo).orElse(Duration.ZERO);
    }
}
