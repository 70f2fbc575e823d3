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

    public ProtectedResources(List<String> resources) {
        if (resources.isEmpty()) {
            throw new IllegalArgumentException("at least one protected resource is needed");
        }
        this.canonical = resources.stream().map(ProtectedResources::canonicalise).distinct().toList();
        this.paths = canonical.stream().map(ProtectedResources::pathOf).toList();
    }

    /** The canonical form of a resource URI; throws when it is not an absolute http(s) URI without a fragment. */
    public static String canonicalise(String resource) {
        return parse(resource).orElseThrow(() -> new IllegalArgumentException(
                "a protected resource must be an absolute http(s) URI without query or fragment: " + resource));
    }

    private static Optional<String> parse(String resource) {
        try {
            URI uri = new URI(resource);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null
                    || uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
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

    /** The resource whose metadata lives at {@code /.well-known/oauth-protected-resource<path>}. */
    public Optional<String> byPath(String path) {
        String wanted = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        return canonical.stream().filter(resource -> pathOf(resource).equals(wanted)).findFirst();
    }

    public static String pathOf(String canonicalResource) {
        String path = URI.create(canonicalResource).getRawPath();
        return path == null ? "" : path;
    }

    private static boolean covers(String prefix, String path) {
        return prefix.isEmpty() || path.equals(prefix) || path.startsWith(prefix + "/");
    }
}
