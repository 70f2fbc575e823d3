package dev.latchkey.app.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.latchkey.domain.oauth.introspection.ResourceServer;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.util.List;

/**
 * One entry of {@code oauth.resourceServers}: a resource server allowed to introspect tokens at
 * {@code /oauth/introspect}. Only the SHA-256 of its secret is configured ({@code printf %s "$secret"
 * | sha256sum}); the secret itself stays with the resource server. Generate it with at least 256 bits
 * of randomness ({@code openssl rand -hex 32}): a fast hash is safe only for a secret nobody can guess.
 */
public final class ResourceServerConfiguration {

    @NotEmpty
    @JsonProperty
    private String clientId;

    @NotEmpty
    @JsonProperty
    private String secretSha256;

    /** The protected resources it serves (oauth.issuer or entries of oauth.resources). */
    @NotNull
    @JsonProperty
    private List<String> resources = List.of();

    public ResourceServer toResourceServer() {
        try {
            return new ResourceServer(clientId, secretSha256.strip().toLowerCase(java.util.Locale.ROOT), resources);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("oauth.resourceServers: " + e.getMessage(), e);
        }
    }
}
