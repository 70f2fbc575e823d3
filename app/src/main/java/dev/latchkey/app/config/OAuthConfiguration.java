package dev.latchkey.app.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.latchkey.domain.oauth.AccessTokenFormats;
import dev.latchkey.domain.oauth.OAuthSettings;
import dev.latchkey.domain.oauth.ProtectedResources;
import dev.latchkey.domain.oauth.introspection.ResourceServer;
import dev.latchkey.domain.oauth.introspection.ResourceServers;
import dev.latchkey.domain.scope.ScopeSet;
import dev.latchkey.identity.ClientMetadataDocumentSettings;
import io.dropwizard.util.Duration;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code oauth:} the OAuth 2.1 authorization server MCP clients use: who it is, which APIs its
 * tokens are for, which scopes it offers (with the plain words the consent page shows), token
 * lifetimes, and how open registration is kept in check.
 */
public final class OAuthConfiguration {

    @JsonProperty
    private boolean enabled = true;

    /**
     * The public base URL of this server, exactly as clients reach it (no trailing slash): the
     * issuer in metadata and the prefix of every endpoint. It is also the default protected resource.
     */
    @NotEmpty
    @JsonProperty
    private String issuer = "http://localhost:8080";

    /**
     * Further resources tokens may be issued for (an MCP endpoint behind nginx, say): a URI, or a URI
     * with {@code tokenFormat: jwt} for RFC 9068 JWT access tokens.
     */
    @NotNull
    @Valid
    @JsonProperty
    private List<ProtectedResourceConfiguration> resources = List.of();

    /** The resource servers allowed to introspect tokens (RFC 7662), by client id and secret hash. */
    @NotNull
    @Valid
    @JsonProperty
    private List<ResourceServerConfiguration> resourceServers = List.of();

    /** Prepended to {@code oat_} and {@code ort_}: {@code lk_} gives {@code lk_oat_…}. */
    @NotNull
    @Pattern(regexp = "[a-z][a-z0-9]{0,15}_", message = "must be lower-case letters and digits ending in _")
    @JsonProperty
    private String tokenPrefix = "lk_";

    /** Scope → what it lets a client do, in words a person understands. */
    @NotNull
    @JsonProperty
    private Map<String, String> scopes = defaultScopes();

    /** Granted when a client asks for none. */
    @NotNull
    @JsonProperty
    private List<String> defaultScopes = List.of("records:read");

    @NotNull
    @JsonProperty
    private Duration accessTokenLifetime = Duration.hours(1);

    @NotNull
    @JsonProperty
    private Duration refreshTokenLifetime = Duration.days(30);

    @NotNull
    @JsonProperty
    private Duration codeLifetime = Duration.minutes(5);

    @NotNull
    @JsonProperty
    private Duration refreshReuseGrace = Duration.seconds(30);

    /** Registered clients that obtain no token within this period are deleted. */
    @NotNull
    @JsonProperty
    private Duration unusedClientExpiry = Duration.hours(24);

    @JsonProperty
    private int maxRegistrationsPerAddress = 20;

    @NotNull
    @JsonProperty
    private Duration registrationWindow = Duration.hours(1);

    /**
     * The platform's own web page that signs people in and asks them (login and consent handoff):
     * {@code /oauth/authorize} sends the browser there with {@code request_id}. Empty: Latchkey's own
     * sign-in and consent pages.
     */
    @NotNull
    @JsonProperty
    private String consentHandoffUrl = "";

    @NotNull
    @JsonProperty
    private ClientMetadataDocumentsConfiguration clientMetadataDocuments = new ClientMetadataDocumentsConfiguration();

    private static Map<String, String> defaultScopes() {
        Map<String, String> scopes = new LinkedHashMap<>();
        scopes.put("records:read", "Read the records in your workspace");
        scopes.put("records:write", "Create, change and delete records in your workspace");
        return scopes;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public String getIssuer() {
        return issuer;
    }

    public Map<String, String> getScopes() {
        return scopes;
    }

    public Duration getUnusedClientExpiry() {
        return unusedClientExpiry;
    }

    public int getMaxRegistrationsPerAddress() {
        return maxRegistrationsPerAddress;
    }

    public Duration getRegistrationWindow() {
        return registrationWindow;
    }

    /** The handoff page, when the platform's app asks people instead of Latchkey's pages. */
    public java.util.Optional<String> consentHandoffUrl() {
        String url = consentHandoffUrl.strip();
        if (url.isEmpty()) {
            return java.util.Optional.empty();
        }
        java.net.URI uri;
        try {
            uri = new java.net.URI(url);
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException("oauth.consentHandoffUrl is not a URL: " + url, e);
        }
        if (uri.getHost() == null
                || uri.getRawFragment() != null
                || !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))) {
            throw new IllegalArgumentException(
                    "oauth.consentHandoffUrl must be an absolute http(s) URL without a fragment: " + url);
        }
        return java.util.Optional.of(url);
    }

    public ClientMetadataDocumentsConfiguration getClientMetadataDocuments() {
        return clientMetadataDocuments;
    }

    /** The issuer first (Latchkey's own API), then the configured resources. */
    public ProtectedResources toProtectedResources() {
        List<String> all = new ArrayList<>();
        all.add(issuer);
        resources.forEach(resource -> all.add(resource.getUri()));
        try {
            return new ProtectedResources(all);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("oauth.resources: " + e.getMessage(), e);
        }
    }

    /** Which resources get JWT access tokens, by canonical URI. */
    public AccessTokenFormats toAccessTokenFormats() {
        Map<String, java.time.Duration> jwt = new LinkedHashMap<>();
        try {
            for (ProtectedResourceConfiguration resource : resources) {
                resource.jwtLifetime()
                        .ifPresent(lifetime -> jwt.put(ProtectedResources.canonicalise(resource.getUri()), lifetime));
            }
            return new AccessTokenFormats(jwt);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("oauth.resources: " + e.getMessage(), e);
        }
    }

    /** The resource servers that may introspect, checked against the protected resources. */
    public ResourceServers toResourceServers(ProtectedResources protectedResources) {
        List<ResourceServer> servers = resourceServers.stream()
                .map(ResourceServerConfiguration::toResourceServer)
                .toList();
        try {
            return new ResourceServers(servers, protectedResources);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("oauth.resourceServers: " + e.getMessage(), e);
        }
    }

    public OAuthSettings toSettings() {
        if (issuer.endsWith("/")) {
            throw new IllegalArgumentException("oauth.issuer must not end with a slash: " + issuer);
        }
        try {
            return new OAuthSettings(
                    ProtectedResources.canonicalise(issuer),
                    tokenPrefix,
                    ScopeSet.parse(scopes.keySet()),
                    ScopeSet.parse(defaultScopes),
                    java(accessTokenLifetime),
                    java(refreshTokenLifetime),
                    java(codeLifetime),
                    java(refreshReuseGrace));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("oauth: " + e.getMessage(), e);
        }
    }

    private static java.time.Duration java(Duration duration) {
        return duration.toJavaDuration();
    }

    /** {@code oauth.clientMetadataDocuments:} https client ids that describe themselves. */
    public static final class ClientMetadataDocumentsConfiguration {
        @JsonProperty
        private boolean enabled = true;

        /** Only for tests against a local document server: never in production (SSRF). */
        @JsonProperty
        private boolean allowPrivateAddresses = false;

        /** Also for tests: accept http:// document URLs. */
        @JsonProperty
        private boolean allowHttp = false;

        @NotNull
        @JsonProperty
        private Duration timeout = Duration.seconds(3);

        @JsonProperty
        private int maxBytes = 5120;

        @NotNull
        @JsonProperty
        private Duration maxCacheAge = Duration.hours(24);

        public boolean isEnabled() {
            return enabled;
        }

        public ClientMetadataDocumentSettings toSettings() {
            return new ClientMetadataDocumentSettings(
                    allowPrivateAddresses, allowHttp, timeout.toJavaDuration(), maxBytes, maxCacheAge.toJavaDuration());
        }
    }
}
