package dev.latchkey.domain.oauth.introspection;

import dev.latchkey.domain.oauth.ClientCredentials;
import dev.latchkey.domain.oauth.OAuthError;
import dev.latchkey.domain.oauth.OAuthFailure;
import dev.latchkey.domain.oauth.ProtectedResources;
import dev.latchkey.domain.oauth.TokenHashes;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The registered resource servers, and how one proves it is one: its id and secret, by Basic or in
 * the form (RFC 6749 §2.3.1). A client registered through open registration is not among them, so a
 * stranger who registers cannot introspect anybody's token.
 */
public final class ResourceServers {
    private final Map<String, ResourceServer> byClientId;

    /**
     * @throws IllegalArgumentException when two share a client id, or one names a resource that is
     *     not one of {@code resources}
     */
    public ResourceServers(List<ResourceServer> servers, ProtectedResources resources) {
        for (ResourceServer server : servers) {
            for (String resource : server.resources()) {
                if (!resources.all().contains(resource)) {
                    throw new IllegalArgumentException("resource server " + server.clientId() + " names " + resource
                            + ", which is not a protected resource (oauth.issuer or oauth.resources)");
                }
            }
        }
        this.byClientId = servers.stream()
                .collect(Collectors.toUnmodifiableMap(ResourceServer::clientId, Function.identity(), (a, b) -> {
                    throw new IllegalArgumentException("two resource servers are called " + a.clientId());
                }));
    }

    public boolean isEmpty() {
        return byClientId.isEmpty();
    }

    /** @throws OAuthFailure {@code invalid_client} unless the credentials are a registered resource server's */
    public ResourceServer authenticate(ClientCredentials presented) {
        String clientId = presented
                .clientId()
                .filter(id -> !id.isEmpty())
                .orElseThrow(() -> invalid("Introspection is for registered resource servers; authenticate as one"));
        ResourceServer server = byClientId.get(clientId);
        String secret = presented.secret().orElse("");
        if (server == null) {
            throw invalid("Introspection is for registered resource servers; this client is not one");
        }
        if (secret.isEmpty() || !TokenHashes.same(TokenHashes.of(secret), server.secretSha256())) {
            throw invalid("Resource server authentication failed");
        }
        return server;
    }

    private static OAuthFailure invalid(String description) {
        return new OAuthFailure(OAuthError.INVALID_CLIENT, description);
    }
}
