package dev.latchkey.domain.route;

import dev.latchkey.domain.error.RequestRejected;
import dev.latchkey.domain.scope.ScopeSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A guarded API's routes, from configuration: the first rule matching the method and path gives
 * the posture; a request no rule matches is not found, never allowed by default.
 */
public final class RouteTable {

    /** The posture a request meets, with the path parameters its rule named. */
    public record Route(Posture posture, Map<String, String> parameters) {}

    private final List<RouteRule> rules;

    public RouteTable(List<RouteRule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** @throws RequestRejected not found, when no rule matches */
    public Route match(String method, String path) {
        for (RouteRule rule : rules) {
            Optional<Map<String, String>> parameters = rule.match(method, path);
            if (parameters.isPresent()) {
                return new Route(rule.posture(), parameters.get());
            }
        }
        throw RequestRejected.notFound("Route");
    }

    /** The scopes a posture requires: none for a public, owner or retired route. */
    public static ScopeSet requiredBy(Posture posture) {
        if (posture instanceof Posture.Authenticated authenticated) {
            return authenticated.scopes();
        }
        if (posture instanceof Posture.Sensitive sensitive) {
            return sensitive.scopes();
        }
        return ScopeSet.EMPTY;
    }
}
