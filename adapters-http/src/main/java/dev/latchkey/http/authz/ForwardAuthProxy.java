package dev.latchkey.http.authz;

import dev.latchkey.domain.error.RequestRejected;
import dev.latchkey.domain.route.OriginalTarget;
import dev.latchkey.http.ServletHeaders;
import jakarta.servlet.http.HttpServletRequest;
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
    /** nginx {@code auth_request}: {@code X-Original-Method}, {@code X-Original-URI} and {@code X-Original-Host}. */
    NGINX(List.of("X-Original-Method", "X-Original-URI"), "X-Original-Host"),
    /** Traefik ForwardAuth: {@code X-Forwarded-Method}, {@code X-Forwarded-Uri} and {@code X-Forwarded-Host}. */
    TRAEFIK(List.of("X-Forwarded-Method", "X-Forwarded-Uri"), "X-Forwarded-Host"),
    /**
     * Envoy {@code ext_authz} (HTTP): the check request's own method, the path after the prefix, and
     * its {@code Host}, which Envoy copies from the original request.
     */
    ENVOY(List.of(), "Host");

    private static final List<String> ALL =
            List.of("X-Original-Method", "X-Original-URI", "X-Forwarded-Method", "X-Forwarded-Uri");

    private final List<String> trusted;
    /** Where this proxy says which host the original request was for; only this header is read for it. */
    private final String hostHeader;

    ForwardAuthProxy(List<String> trusted, String hostHeader) {
        this.trusted = trusted;
        this.hostHeader = hostHeader;
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
    OriginalRequest read(HttpServletRequest request) {
        for (String name : ALL) {
            List<String> values = ServletHeaders.values(request, name);
            if (values.isEmpty()) {
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
        if (ServletHeaders.values(request, hostHeader).size() > 1) {
            throw RequestRejected.invalid(hostHeader + " is repeated: refused rather than guessed");
        }
        Optional<String> host = header(request, hostHeader);
        if (host.filter(h -> h.length() > 255).isPresent()) {
            throw RequestRejected.invalid(hostHeader + " is longer than 255 characters");
        }
        if (this == ENVOY) {
            return new OriginalRequest(request.getMethod(), host, OriginalTarget.path(envoyTarget(request)));
        }
        String method = header(request, trusted.get(0)).orElse(request.getMethod());
        String target = header(request, trusted.get(1))
                .orElseThrow(() -> RequestRejected.invalid(
                        trusted.get(1) + " is missing: the proxy must say which request it asks about"));
        return new OriginalRequest(method, host, OriginalTarget.path(target));
    }

    /** Envoy asks at the configured prefix followed by the original path, exactly as received. */
    private static String envoyTarget(HttpServletRequest request) {
        String raw = request.getRequestURI();
        int at = raw.indexOf("/authz/check");
        String suffix = at < 0 ? "" : raw.substring(at + "/authz/check".length());
        String query = request.getQueryString();
        if (suffix.isEmpty()) {
            throw RequestRejected.invalid("Envoy's check request names no original path after /authz/check");
        }
        return query == null ? suffix : suffix + "?" + query;
    }

    private static Optional<String> header(HttpServletRequest request, String name) {
        String value = request.getHeader(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    /** The method, host (when the proxy says) and path the proxy is asking about. */
    record OriginalRequest(String method, Optional<String> host, String path) {}
}
