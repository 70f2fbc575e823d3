package dev.latchkey.app.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.latchkey.domain.oauth.ProtectedResources;
import dev.latchkey.workos.WorkosSettings;
import io.dropwizard.util.Duration;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/** {@code workos:} the WorkOS environment Latchkey trusts. Enabled when a client id and a secret are set. */
public final class WorkosConfiguration {
    @NotEmpty
    @JsonProperty
    private String baseUrl = "https://api.workos.com";

    /** The environment's secret key ({@code sk_…}); from {@code WORKOS_API_KEY}. Never logged. */
    @JsonProperty
    private String apiKey = "";

    @JsonProperty
    private String clientId = "";

    /**
     * Accepted {@code iss} values besides WorkOS's standard forms for this base URL and client id
     * (a custom AuthKit domain, say); blank entries — an unset environment variable — are ignored.
     */
    @JsonProperty
    private List<String> issuers = List.of();

    /** Accepted {@code aud} values besides the client id (always accepted), checked only when a token carries one. */
    @JsonProperty
    private List<String> audiences = List.of();

    /** How long a successful API-key validation is trusted before WorkOS is asked again. */
    @NotNull
    @JsonProperty
    private Duration validationCacheTtl = Duration.seconds(20);

    /** How long past that a cached validation may still answer while WorkOS is unreachable. */
    @NotNull
    @JsonProperty
    private Duration outageGrace = Duration.seconds(60);

    /**
     * AuthKit as the authorization server of an MCP resource (seed 000: "WorkOS owns MCP OAuth
     * authorization metadata"): the resource's URI and the AuthKit domain. Both or neither; blank — an
     * unset environment variable — is neither.
     */
    @NotNull
    @Valid
    @JsonProperty
    private McpConfiguration mcp = new McpConfiguration();

    /** {@code workos.mcp:} the MCP resource AuthKit authorizes, and AuthKit's domain. */
    public static final class McpConfiguration {
        @JsonProperty
        private String resource = "";

        @JsonProperty
        private String authorizationServer = "";

        Optional<WorkosSettings.McpAuthorization> toAuthorization() {
            boolean hasResource = resource != null && !resource.isBlank();
            boolean hasServer = authorizationServer != null && !authorizationServer.isBlank();
            if (hasResource != hasServer) {
                throw new IllegalArgumentException(
                        "workos.mcp needs both resource and authorizationServer (WORKOS_MCP_RESOURCE and"
                                + " WORKOS_AUTHKIT_DOMAIN), or neither");
            }
            if (!hasResource) {
                return Optional.empty();
            }
            URI server = URI.create(authorizationServer.strip());
            if (server.getHost() == null
                    || !(server.getScheme().equals("https")
                            || server.getScheme().equals("http"))) {
                throw new IllegalArgumentException(
                        "workos.mcp.authorizationServer must be the AuthKit domain, https://<sub>.authkit.app: "
                                + authorizationServer);
            }
            try {
                return Optional.of(
                        new WorkosSettings.McpAuthorization(ProtectedResources.canonicalise(resource.strip()), server));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("workos.mcp.resource: " + e.getMessage(), e);
            }
        }
    }

    /** The MCP resource AuthKit authorizes, when there is one. */
    public Optional<WorkosSettings.McpAuthorization> mcp() {
        return mcp.toAuthorization();
    }

    public boolean isEnabled() {
        return !apiKey.isBlank() && !clientId.isBlank();
    }

    public WorkosSettings toSettings() {
        URI base = URI.create(baseUrl);
        return new WorkosSettings(
                base,
                apiKey,
                clientId,
                java.util.stream.Stream.concat(WorkosSettings.defaultIssuers(base, clientId).stream(), issuers.stream())
                        .toList(),
                audiences,
                mcp.toAuthorization());
    }

    public Duration getValidationCacheTtl() {
        return validationCacheTtl;
    }

    public Duration getOutageGrace() {
        return outageGrace;
    }
}
