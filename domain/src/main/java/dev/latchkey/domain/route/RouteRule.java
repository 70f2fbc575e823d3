package dev.latchkey.domain.route;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** One rule: an HTTP method (or {@code *}) and a path pattern, and the posture they demand. */
public record RouteRule(String method, PathPattern path, Posture posture) {

    public RouteRule {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(posture, "posture");
        method = method.toUpperCase(Locale.ROOT);
        if (posture instanceof Posture.Owner owner
                && owner.parameter().isPresent()
                && !path.parameterNames().contains(owner.parameter().get())) {
            throw new IllegalArgumentException(
                    "owner parameter " + owner.parameter().get() + " is not in " + path);
        }
    }

    /** The path parameters when this rule applies to the request. */
    public Optional<Map<String, String>> match(String requestMethod, String requestPath) {
        if (!method.equals("*") && !method.equalsIgnoreCase(requestMethod)) {
            return Optional.empty();
        }
        return path.match(requestPath);
    }
}
