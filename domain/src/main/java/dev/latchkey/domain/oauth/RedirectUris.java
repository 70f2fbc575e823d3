package dev.latchkey.domain.oauth;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Which redirect URIs a client may register, and when a presented one matches a registered one.
 * Allowed: any {@code https} URI; {@code http} only on a loopback host; private-use schemes such as
 * {@code cursor://} (RFC 8252 §7.1). Refused: fragments, relative URIs, and schemes that run or
 * read something in the browser instead of navigating.
 */
public final class RedirectUris {
    private static final Set<String> DANGEROUS_SCHEMES = Set.of("javascript", "data", "file", "vbscript", "blob",
            "about", "filesystem");
    private static final Set<String> LOOPBACK_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]", "::1");
    private static final int MAX_LENGTH = 2000;

    private RedirectUris() {
    }

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
        if (DANGEROUS_SCHEMES.contains(scheme)) {
            return Optional.of("the scheme " + scheme + ": is not allowed in a redirect URI");
        }
        if (scheme.equals("https")) {
            return parsed.getHost() == null ? Optional.of("an https redirect URI needs a host: " + uri) : Optional.empty();
        }
        if (scheme.equals("http")) {
            return isLoopback(parsed) ? Optional.empty()
                    : Optional.of("http redirect URIs are allowed only on loopback hosts: " + uri);
        }
        // A private-use scheme (cursor://, vscode://): the operating system routes it to the app. A
        // one-letter scheme is a Windows drive letter, not an app.
        return scheme.length() > 1 ? Optional.empty() : Optional.of("not a usable redirect URI scheme: " + uri);
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
            return "http".equals(a.getScheme()) && "http".equals(b.getScheme())
                    && isLoopback(a) && a.getHost().equals(b.getHost())
                    && same(a.getRawPath(), b.getRawPath()) && same(a.getRawQuery(), b.getRawQuery())
                    && b.getRawFragment() == null && b.getRawUserInfo() == null;
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
