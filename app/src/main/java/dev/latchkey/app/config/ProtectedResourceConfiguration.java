package dev.latchkey.app.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.util.Optional;

/**
 * One entry of {@code oauth.resources}: a resource URI alone ({@code - https://mcp.example.com/mcp}),
 * or that with the format of the access tokens issued for it — {@code tokenFormat: jwt} for RFC 9068
 * JWT access tokens its server checks with the published keys, and their {@code accessTokenLifetime}
 * (5 minutes unless set, at most 15).
 */
public final class ProtectedResourceConfiguration {

    /** How a resource's access tokens are made. */
    public enum TokenFormat {
        @JsonProperty("opaque")
        OPAQUE,
        @JsonProperty("jwt")
        JWT
    }

    @NotEmpty
    @JsonProperty
    private String uri;

    @NotNull
    @JsonProperty
    private TokenFormat tokenFormat = TokenFormat.OPAQUE;

    @JsonProperty
    private Duration accessTokenLifetime;

    public ProtectedResourceConfiguration() {}

    /** The short form: a URI alone, opaque tokens. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static ProtectedResourceConfiguration of(String uri) {
        ProtectedResourceConfiguration resource = new ProtectedResourceConfiguration();
        resource.uri = uri;
        return resource;
    }

    /** The long form, for tests and for code that builds a configuration. */
    public static ProtectedResourceConfiguration jwt(String uri, Duration lifetime) {
        ProtectedResourceConfiguration resource = of(uri);
        resource.tokenFormat = TokenFormat.JWT;
        resource.accessTokenLifetime = lifetime;
        return resource;
    }

    public String getUri() {
        return uri;
    }

    public TokenFormat getTokenFormat() {
        return tokenFormat;
    }

    /** The JWT lifetime when the resource asked for JWTs. */
    public Optional<java.time.Duration> jwtLifetime() {
        if (tokenFormat != TokenFormat.JWT) {
            return Optional.empty();
        }
        return Optional.of(
                accessTokenLifetime == null
                        ? dev.latchkey.domain.oauth.AccessTokenFormats.DEFAULT_JWT_LIFETIME
                        : accessTokenLifetime.toJavaDuration());
    }
}
