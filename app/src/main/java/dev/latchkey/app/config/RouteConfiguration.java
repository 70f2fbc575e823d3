package dev.latchkey.app.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.latchkey.domain.error.AuthError;
import dev.latchkey.domain.route.PathPattern;
import dev.latchkey.domain.route.Posture;
import dev.latchkey.domain.route.RouteRule;
import dev.latchkey.domain.scope.ScopeSet;
import jakarta.validation.constraints.NotEmpty;
import java.util.List;
import java.util.Optional;

/**
 * One entry of {@code routes:}: {@code method} (or {@code *}), {@code path} (with {@code {param}},
 * {@code *}, trailing {@code **}) and a posture: {@code public}, {@code authenticated} (optionally
 * with {@code scopes}), {@code owner} (optionally with the owning {@code parameter}), {@code sensitive}
 * (with {@code scopes}; workloads also need an approval), or {@code retired} (with a {@code pointer}).
 */
public final class RouteConfiguration {
    @JsonProperty
    private String method = "*";

    @NotEmpty
    @JsonProperty
    private String path;

    @NotEmpty
    @JsonProperty
    private String posture;

    @JsonProperty
    private List<String> scopes = List.of();

    @JsonProperty
    private String parameter;

    @JsonProperty
    private String pointer = "This route is retired";

    /** For {@code retired}: {@code route_retired} (default) or {@code api_key_management_retired}. */
    @JsonProperty
    private String code = "route_retired";

    RouteRule toRule() {
        Posture resolved = switch (posture) {
            case "public" -> new Posture.Public();
            case "authenticated" -> new Posture.Authenticated(ScopeSet.parse(scopes));
            case "owner" -> new Posture.Owner(Optional.ofNullable(parameter));
            case "sensitive" -> new Posture.Sensitive(ScopeSet.parse(scopes));
            case "retired" -> new Posture.Retired(pointer, retiredCode());
            default ->
                throw new IllegalArgumentException(
                        "posture must be public, authenticated, owner, sensitive or " + "retired, not " + posture);
        };
        return new RouteRule(method, PathPattern.parse(path), resolved);
    }

    private AuthError retiredCode() {
        return java.util.Arrays.stream(AuthError.values())
                .filter(error ->
                        error.kind() == AuthError.Kind.RETIRED && error.code().equals(code))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("a retired route's code must be route_retired or "
                        + "api_key_management_retired, not " + code));
    }
}
