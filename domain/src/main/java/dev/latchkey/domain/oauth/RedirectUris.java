package dev.latchkey.domain.oauth;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Which redirect URIs a client may register, and when a presented one matches a registered one.
 * Allowed: any {@code https} URI; {@code http} only on a loopback host; private-use schemes in the
 * reverse-domain form RFC 8252 §7.1 requires ({@code com.example.app:/callback}), and the few MCP
 * clients' own schemes that predate it ({@link #KNOWN_APP_SCHEMES}). Everything else is refused: an
 * allowlist, because a denylist cannot know every scheme an operating system hands to a program
 * ({@code ms-msdt:}, {@code search-ms:}, {@code intent:} ran code or searches). Also refused:
 * fragments and relative URIs.
 */
public final class RedirectUris {
    /** Private-use schemes of MCP clients that are not in reverse-domain form. */
    public static final Set<String> KNOWN_APP_SCHEMES = Set.of("cursor", "vscode", "vscode-insiders", "windsurf");

    private static final Set<String> LOOPBACK_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]", "::1");
    private static final int MAX_LENGTH = 2000;

    private RedirectUris() {}

    /** Why {@code uri} cannot be registered, or empty when it can. */
    public static Optional<String> problemWith(String uri) {
        if (uri == null || uri.isBlank()) {
            return Optional.of("a redirect URI is empty");
        }
        if (uri.length() > MAX_LENGTH) {
            return Optional.of("a redirect URI is longer than " + MAX_LENGTH + " characters");
        }
        URI parsed;
        try {
            parsed = new URI(uri);
        } catch (URISyntaxException e) {
            return Optional.of("not a URI: " + uri);
        }
        if (parsed.getScheme() == null) {
            return Optional.of("a redirect URI must be absolute: " + uri);
        }
        if (parsed.getRawFragment() != null || uri.contains("#")) {
            return Optional.of("a redirect URI must not contain a fragment: " + uri);
        }
        String scheme = parsed.getScheme().toLowerCase(Locale.ROOT);
        if (scheme.equals("https")) {
            return parsed.getHost() == null
                    ? Optional.of("an https redirect URI needs a host: " + uri)
                    : Optional.empty();
        }
        if (scheme.equals("http")) {
            return isLoopback(parsed)
                    ? Optional.empty()
                    : Optional.of("http redirect URIs are allowed only on loopback hosts: " + uri);
        }
        // A private-use scheme: the operating system routes it to the app that claimed it. Reverse-domain
        // names (two labels at least) are an app's by construction.
        boolean reverseDomain = scheme.matches("[a-z][a-z0-9-]*(\\.[a-z0-9-]+)+");
        return reverseDomain || KNOWN_APP_SCHEMES.contains(scheme)
                ? Optional.empty()
                : Optional.of("the scheme " + scheme + ": is not allowed in a redirect URI (https, loopback http, or a "
                        + "private-use scheme in reverse-domain form such as com.example.app:)");
    }

    /**
     * Exact string comparison, except that a loopback {@code http} redirect matches on any port
     * (RFC 8252 §7.3: native apps take whatever port is free). {@code localhost} and
     * {@code 127.0.0.1} stay different hosts.
     */
    public static boolean matches(String registered, String presented) {
        if (registered.equals(presented)) {
            return true;
        }
        try {
            URI a = new URI(registered);
            URI b = new URI(presented);
            // Only the port may differ: scheme and host are compared as exactly as the rest.
            return "http".equals(a.getScheme())
                    && "http".equals(b.getScheme())
                    && isLoopback(a)
                    && a.getHost().equals(b.getHost())
                    && same(a.getRawPath(), b.getRawPath())
                    && same(a.getRawQuery(), b.getRawQuery())
                    && b.getRawFragment() == null
                    && b.getRawUserInfo() == null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static boolean same(String a, String b) {
        return a == null ? b == null || b.isEmpty() : a.equals(b) || (a.isEmpty() && b == null);
    }

    private static boolean isLoopback(URI uri) {
        return uri.getHost() != null && LOOPBACK_HOSTS.contains(uri.getHost().toLowerCase(Locale.ROOT));
    }
}
