package dev.latchkey.http.authz;

import dev.latchkey.domain.error.RequestRejected;
import dev.latchkey.domain.route.OriginalTarget;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The proxy in front of {@code /authz/check}, and so the one header family it trusts for the
 * original request. Each proxy sends its own family; the other family can only have come from the
 * caller (Traefik, for one, passes the client's headers through to the auth server by default), so
 * a request carrying it is refused rather than read, and so is a repeated header.
 */
public enum ForwardAuthProxy {
    /** nginx {@code auth_request}: {@code X-Original-Method} and {@code X-Original-URI}. */
    NGINX(List.of("X-Original-Method", "X-Original-URI")),
    /** Traefik ForwardAuth: {@code X-Forwarded-Method} and {@code X-Forwarded-Uri}. */
    TRAEFIK(List.of("X-Forwarded-Method", "X-Forwarded-Uri")),
    /** Envoy {@code ext_authz} (HTTP): the check request's own method, and the path after the prefix. */
    ENVOY(List.of());

    private static final List<String> ALL = List.of("X-Original-Method", "X-Original-URI", "X-Forwarded-Method",
            "X-Forwarded-Uri");

    private final List<String> trusted;

    ForwardAuthProxy(List<String> trusted) {
        this.trusted = trusted;
    }

    /** Parses {@code nginx}, {@code traefik} or {@code envoy}. */
    public static ForwardAuthProxy parse(String name) {
        try {
            return valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("forwardAuth.proxy must be nginx, traefik or envoy; got " + name);
        }
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The method and decoded path the proxy asks about.
     *
     * @throws RequestRejected {@code invalid_request} when the request carries the other family, a
     *     repeated header, no original URI, or an ambiguous one
     */
    OriginalRequest read(ContainerRequestContext request) {
        for (String name : ALL) {
            List<String> values = request.getHeaders().get(name);
            if (values == null || values.isEmpty()) {
                continue;
            }
            if (!trusted.contains(name)) {
                throw RequestRejected.invalid(name + " is not sent by " + wireName() + ", the configured proxy "
                        + "(forwardAuth.proxy): refused rather than trusted");
            }
            if (values.size() > 1) {
                throw RequestRejected.invalid(name + " is repeated: refused rather than guessed");
            }
        }
        if (this == ENVOY) {
            return new OriginalRequest(request.getMethod(), OriginalTarget.path(envoyTarget(request.getUriInfo())));
        }
        String method = header(request, trusted.get(0)).orElse(request.getMethod());
        String target = header(request, trusted.get(1)).orElseThrow(() -> RequestRejected.invalid(trusted.get(1)
                + " is missing: the proxy must say which request it asks about"));
        return new OriginalRequest(method, OriginalTarget.path(target));
    }

    /** Envoy asks at the configured prefix followed by the original path, exactly as received. */
    private static String envoyTarget(UriInfo uri) {
        String raw = uri.getRequestUri().getRawPath();
        int at = raw.indexOf("/authz/check");
        String suffix = at < 0 ? "" : raw.substring(at + "/authz/check".length());
        String query = uri.getRequestUri().getRawQuery();
        if (suffix.isEmpty()) {
            throw RequestRejected.invalid("Envoy's check request names no original path after /authz/check");
        }
        return query == null ? suffix : suffix + "?" + query;
    }

    private static Optional<String> header(ContainerRequestContext request, String name) {
        String value = request.getHeaderString(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    /** The method and path the proxy is asking about. */
    record OriginalRequest(String method, String path) {
    }
}
