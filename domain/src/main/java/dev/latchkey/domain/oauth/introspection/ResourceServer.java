package dev.latchkey.domain.oauth.introspection;

import dev.latchkey.domain.oauth.ProtectedResources;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A resource server the operator registered to introspect tokens (RFC 7662 §2.1): its client id, the
 * SHA-256 (hex) of its secret — the secret itself is never in Latchkey's configuration — and the
 * protected resources it serves. It learns about a token only when the token is for one of those
 * resources or bound to none (RFC 7662 §4: a server must not be able to read other servers' tokens).
 */
public record ResourceServer(String clientId, String secretSha256, List<String> resources) {
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    public ResourceServer {
        Objects.requireNonNull(clientId, "clientId");
        if (clientId.isBlank()) {
            throw new IllegalArgumentException("a resource server needs a clientId");
        }
        if (secretSha256 == null || !SHA256_HEX.matcher(secretSha256).matches()) {
            throw new IllegalArgumentException("the secretSha256 of resource server " + clientId
                    + " must be 64 lower-case hex digits, the SHA-256 of its secret");
        }
        if (resources.isEmpty()) {
            throw new IllegalArgumentException("resource server " + clientId + " must name the resources it serves");
        }
        resources = resources.stream().map(ProtectedResources::canonicalise).toList();
    }

    /** Whether a token bound to {@code resource} is meant for this server. */
    public boolean serves(String resource) {
        return resources.contains(resource);
    }

    @Override
    public String toString() {
        return "ResourceServer[" + clientId + ", " + resources + ", secret hash redacted]";
    }
}
