package dev.latchkey.workos;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where WorkOS is and how Latchkey proves itself to it: the API base URL, the environment's secret
 * key ({@code sk_…}), the AuthKit client id, the {@code iss} values accepted on access tokens (the
 * forms differ between environments, and a custom auth domain adds one), and the audiences accepted
 * when a token carries one — always including the client id, which AuthKit puts in {@code aud}; and,
 * when AuthKit is an MCP server's authorization server, that resource and the AuthKit domain.
 */
public record WorkosSettings(
        URI baseUrl,
        String apiKey,
        String clientId,
        List<String> issuers,
        List<String> audiences,
        Optional<McpAuthorization> mcp) {

    /**
     * AuthKit as the authorization server of one MCP resource: its domain ({@code
     * https://<sub>.authkit.app}, the {@code iss} of the tokens it issues, keys at {@code
     * /oauth2/jwks}) and the resource's canonical URI.
     */
    public record McpAuthorization(String resource, URI authorizationServer) {
        public McpAuthorization {
            Objects.requireNonNull(resource, "resource");
            Objects.requireNonNull(authorizationServer, "authorizationServer");
        }

        /** The domain without a trailing slash: the issuer as AuthKit writes it. */
        public String issuer() {
            return authorizationServer.toString().replaceAll("/+$", "");
        }
    }

    public WorkosSettings(URI baseUrl, String apiKey, String clientId, List<String> issuers, List<String> audiences) {
        this(baseUrl, apiKey, clientId, issuers, audiences, Optional.empty());
    }

    public WorkosSettings {
        Objects.requireNonNull(mcp, "mcp");
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(apiKey, "apiKey");
        Objects.requireNonNull(clientId, "clientId");
        if (apiKey.isBlank() || clientId.isBlank()) {
            throw new IllegalArgumentException("workos.apiKey and workos.clientId are required in WorkOS mode");
        }
        issuers = issuers.stream().filter(i -> !i.isBlank()).distinct().toList();
        audiences = java.util.stream.Stream.concat(java.util.stream.Stream.of(clientId), audiences.stream())
                .filter(a -> !a.isBlank())
                .distinct()
                .toList();
    }

    /** The issuer forms WorkOS uses for an environment, when none are configured. */
    public static List<String> defaultIssuers(URI baseUrl, String clientId) {
        String base = baseUrl.toString().replaceAll("/+$", "");
        return List.of(base, base + "/", base + "/user_management/" + clientId);
    }

    @Override
    public String toString() {
        return "WorkosSettings[" + baseUrl + ", client " + clientId + ", apiKey=redacted]";
    }
}
