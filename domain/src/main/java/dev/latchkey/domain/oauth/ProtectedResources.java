package dev.latchkey.domain.oauth;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The APIs OAuth tokens can be issued for (RFC 8707 resource indicators), by canonical URI: scheme
 * and host in lower case, no trailing slash, no query or fragment. The first is the default, used
 * when a client names none. Clients disagree on the trailing slash (older SDKs and Claude send
 * {@code https://host/} for {@code https://host}), so comparisons normalise it away.
 */
public final class ProtectedResources {
    private final List<String> canonical;
    /** Each resource's URI path, computed once: {@link #forPath} runs on the decision path. */
    private final List<String> paths;
    /** Each resource's authority ({@code host[:port]}, lower case), compared with the request's host. */
    private final List<String> authorities;

    /**
     * @throws IllegalArgumentException when two resources differ only in scheme: a request names its
     *     host and path, never its scheme, so they could not be told apart
     */
    public ProtectedResources(List<String> resources) {
        if (resources.isEmpty()) {
            throw new IllegalArgumentException("at least one protected resource is needed");
        }
        this.canonical = resources.stream()
                .map(ProtectedResources::canonicalise)
                .distinct()
                .toList();
        this.paths = canonical.stream().map(ProtectedResources::pathOf).toList();
        this.authorities = canonical.stream()
                .map(r -> URI.create(r).getRawAuthority().toLowerCase(Locale.ROOT))
                .toList();
        for (int i = 0; i < canonical.size(); i++) {
            for (int j = i + 1; j < canonical.size(); j++) {
                if (authorities.get(i).equals(authorities.get(j))
                        && paths.get(i).equals(paths.get(j))) {
                    throw new IllegalArgumentException("the protected resources " + canonical.get(i) + " and "
                            + canonical.get(j) + " cannot be told apart: a request names a host and a path, not a"
                            + " scheme; keep one of them");
                }
            }
        }
    }

    /** The canonical form of a resource URI; throws when it is not an absolute http(s) URI without a fragment. */
    public static String canonicalise(String resource) {
        return parse(resource)
                .orElseThrow(() -> new IllegalArgumentException(
                        "a protected resource must be an absolute http(s) URI without query or fragment: " + resource));
    }

    private static Optional<String> parse(String resource) {
        try {
            URI uri = new URI(resource);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("https") || scheme.equals("http"))
                    || uri.getHost() == null
                    || uri.getRawQuery() != null
                    || uri.getRawFragment() != null
                    || uri.getRawUserInfo() != null) {
                return Optional.empty();
            }
            String path = uri.getRawPath() == null ? "" : uri.getRawPath();
            while (path.endsWith("/")) {
                path = path.substring(0, path.length() - 1);
            }
            String port = uri.getPort() == -1 ? "" : ":" + uri.getPort();
            return Optional.of(scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + port + path);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    public String primary() {
        return canonical.get(0);
    }

    public List<String> all() {
        return canonical;
    }

    /** The protected resource a client's {@code resource} parameter names, if it is one of ours. */
    public Optional<String> find(String presented) {
        return parse(presented).filter(canonical::contains);
    }

    /**
     * The resource a request path belongs to: the one whose URI path is the longest prefix of it
     * (on a segment boundary), else the default.
     */
    public String forPath(String requestPath) {
        int best = 0;
        int bestLength = -1;
        for (int i = 0; i < paths.size(); i++) {
            String prefix = paths.get(i);
            if (prefix.length() > bestLength && covers(prefix, requestPath)) {
                best = i;
                bestLength = prefix.length();
            }
        }
        return canonical.get(best);
    }

    /**
     * The resource a request belongs to, told apart by host and path. The host is the one the
     * trusted proxy reports; when it names one or more resources, only those are candidates (two
     * servers at {@code /mcp} on different hosts are two resources). Otherwise the path decides, as
     * {@link #forPath} — unless two resources on different hosts share the best path, when the
     * request's resource is unknown (empty): a token bound to either is then refused, never taken
     * for the other's.
     */
    public Optional<String> forRequest(Optional<String> host, String requestPath) {
        java.util.function.IntPredicate onHost = onHost(host);
        boolean hostKnown =
                java.util.stream.IntStream.range(0, canonical.size()).anyMatch(onHost);
        int best = -1;
        int bestLength = -1;
        boolean tie = false;
        for (int i = 0; i < paths.size(); i++) {
            if (hostKnown && !onHost.test(i)) {
                continue;
            }
            String prefix = paths.get(i);
            if (!covers(prefix, requestPath)) {
                continue;
            }
            if (prefix.length() > bestLength) {
                best = i;
                bestLength = prefix.length();
                tie = false;
            } else if (prefix.length() == bestLength) {
                tie = true;
            }
        }
        if (tie) {
            return Optional.empty();
        }
        if (best < 0) {
            return hostKnown ? Optional.empty() : Optional.of(canonical.get(0));
        }
        return Optional.of(canonical.get(best));
    }

    /**
     * Which resources a reported host names: those whose authority it is, else — for a host
     * reported without its port, as nginx's {@code $host} is — those on that host name.
     */
    private java.util.function.IntPredicate onHost(Optional<String> host) {
        Optional<String> authority =
                host.map(h -> h.strip().toLowerCase(Locale.ROOT)).filter(h -> !h.isEmpty());
        if (authority.isEmpty()) {
            return i -> false;
        }
        String wanted = authority.get();
        if (authorities.contains(wanted)) {
            return i -> authorities.get(i).equals(wanted);
        }
        return i -> hostName(authorities.get(i)).equals(wanted);
    }

    private static String hostName(String authority) {
        int colon = authority.lastIndexOf(':');
        return colon < 0 || authority.endsWith("]") ? authority : authority.substring(0, colon);
    }

    /** The resource whose metadata lives at {@code /.well-known/oauth-protected-resource<path>}. */
    public Optional<String> byPath(String path) {
        return byPath(Optional.empty(), path);
    }

    /**
     * The resource whose metadata lives at {@code /.well-known/oauth-protected-resource<path>} on
     * {@code host}: when resources on several hosts share the path, the host picks one, and without
     * a host that names one of them there is no answer rather than the wrong resource's document.
     */
    public Optional<String> byPath(Optional<String> host, String path) {
        String wanted = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        List<Integer> matches = new java.util.ArrayList<>();
        for (int i = 0; i < paths.size(); i++) {
            if (paths.get(i).equals(wanted)) {
                matches.add(i);
            }
        }
        if (matches.size() <= 1) {
            return matches.stream().findFirst().map(canonical::get);
        }
        java.util.function.IntPredicate onHost = onHost(host);
        List<Integer> here = matches.stream().filter(onHost::test).toList();
        return here.size() == 1 ? Optional.of(canonical.get(here.get(0))) : Optional.empty();
    }

    /**
     * Where a resource's metadata lives (RFC 9728 §3.1): on the resource's own host, the well-known
     * prefix inserted before its path.
     */
    public static String metadataOf(String canonicalResource) {
        URI uri = URI.create(canonicalResource);
        return uri.getScheme() + "://" + uri.getRawAuthority() + "/.well-known/oauth-protected-resource"
                + pathOf(canonicalResource);
    }

    public static String pathOf(String canonicalResource) {
        String path = URI.create(canonicalResource).getRawPath();
        return path == null ? "" : path;
    }

    private static boolean covers(String prefix, String path) {
        return prefix.isEmpty() || path.equals(prefix) || path.startsWith(prefix + "/");
    }
}
