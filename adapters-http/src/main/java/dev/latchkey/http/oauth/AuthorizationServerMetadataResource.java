package dev.latchkey.http.oauth;

import dev.latchkey.domain.oauth.ProtectedResources;
import dev.latchkey.domain.oauth.exchange.ExchangeForWorkloadToken;
import dev.latchkey.http.auth.Public;
import dev.latchkey.http.problem.HttpErrorCodes;
import dev.latchkey.http.problem.ProblemResponses;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Discovery: authorization server metadata (RFC 8414) and protected resource metadata (RFC 9728),
 * at the root form and the path-aware form clients try first.
 */
@Path("/.well-known")
@Produces(MediaType.APPLICATION_JSON)
public final class AuthorizationServerMetadataResource {
    private static final CacheControl CACHE_AN_HOUR = CacheControl.valueOf("public, max-age=3600");

    private final OAuthEndpoints endpoints;
    private final ProtectedResources resources;
    private final List<String> scopes;
    private final boolean clientMetadataDocuments;

    public AuthorizationServerMetadataResource(
            OAuthEndpoints endpoints,
            ProtectedResources resources,
            List<String> scopes,
            boolean clientMetadataDocuments) {
        this.endpoints = endpoints;
        this.resources = resources;
        this.scopes = List.copyOf(scopes);
        this.clientMetadataDocuments = clientMetadataDocuments;
    }

    @GET
    @Path("oauth-authorization-server")
    @Public
    public Response authorizationServer() {
        return cached(serverMetadata());
    }

    @GET
    @Path("oauth-protected-resource")
    @Public
    public Response protectedResource() {
        return cached(resourceMetadata(resources.primary()));
    }

    @GET
    @Path("oauth-protected-resource/{path: .+}")
    @Public
    public Response protectedResourceAt(
            @PathParam("path") String path, @jakarta.ws.rs.HeaderParam("Host") String host) {
        return resources
                .byPath(Optional.ofNullable(host), "/" + path)
                .map(resource -> cached(resourceMetadata(resource)))
                .orElseGet(() -> ProblemResponses.problem(
                        404, HttpErrorCodes.NOT_FOUND, "Not found", "No protected resource lives at /" + path));
    }

    private Map<String, Object> serverMetadata() {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("issuer", endpoints.issuer());
        metadata.put("authorization_endpoint", endpoints.authorization());
        metadata.put("token_endpoint", endpoints.token());
        metadata.put("registration_endpoint", endpoints.registration());
        metadata.put("revocation_endpoint", endpoints.revocation());
        metadata.put("introspection_endpoint", endpoints.introspection());
        metadata.put("jwks_uri", endpoints.jwks());
        metadata.put("response_types_supported", List.of("code"));
        metadata.put("response_modes_supported", List.of("query"));
        metadata.put(
                "grant_types_supported",
                List.of(
                        "authorization_code",
                        "refresh_token",
                        "client_credentials",
                        ExchangeForWorkloadToken.GRANT_TYPE));
        metadata.put("code_challenge_methods_supported", List.of("S256"));
        metadata.put(
                "token_endpoint_auth_methods_supported",
                List.of("none", "client_secret_post", "client_secret_basic", "private_key_jwt"));
        metadata.put("token_endpoint_auth_signing_alg_values_supported", List.of("RS256", "PS256", "ES256"));
        metadata.put(
                "revocation_endpoint_auth_methods_supported",
                List.of("none", "client_secret_post", "client_secret_basic"));
        // Only registered resource servers introspect, and they hold a secret.
        metadata.put(
                "introspection_endpoint_auth_methods_supported", List.of("client_secret_basic", "client_secret_post"));
        metadata.put("scopes_supported", scopes);
        metadata.put("resource_indicators_supported", true);
        metadata.put("authorization_response_iss_parameter_supported", true);
        metadata.put("client_id_metadata_document_supported", clientMetadataDocuments);
        return metadata;
    }

    private Map<String, Object> resourceMetadata(String resource) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("resource", resource);
        metadata.put("authorization_servers", List.of(endpoints.issuer()));
        metadata.put("bearer_methods_supported", List.of("header"));
        metadata.put("scopes_supported", scopes);
        metadata.put("resource_name", "Latchkey-protected API");
        return metadata;
    }

    private static Response cached(Map<String, Object> body) {
        return Response.ok(body, MediaType.APPLICATION_JSON_TYPE)
                .cacheControl(CACHE_AN_HOUR)
                .build();
    }
}
