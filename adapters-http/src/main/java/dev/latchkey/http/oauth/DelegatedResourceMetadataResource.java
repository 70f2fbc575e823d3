package dev.latchkey.http.oauth;

import dev.latchkey.domain.oauth.ProtectedResources;
import dev.latchkey.http.auth.Public;
import dev.latchkey.http.problem.HttpErrorCodes;
import dev.latchkey.http.problem.ProblemResponses;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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
 * The RFC 9728 metadata of a protected resource whose authorization server is another one — AuthKit
 * for an MCP server, when WorkOS is the identity authority: MCP clients read it from a 401's {@code
 * resource_metadata}, go to AuthKit for a token, and come back. Latchkey runs no authorization server
 * then, so it serves no RFC 8414 document of its own.
 */
@Path("/.well-known/oauth-protected-resource")
@Produces(MediaType.APPLICATION_JSON)
public final class DelegatedResourceMetadataResource {
    private static final CacheControl CACHE_AN_HOUR = CacheControl.valueOf("public, max-age=3600");

    private final ProtectedResources resource;
    private final String authorizationServer;
    private final String name;

    /** @param resource the one resource, whose tokens {@code authorizationServer} issues */
    public DelegatedResourceMetadataResource(String resource, String authorizationServer, String name) {
        this.resource = new ProtectedResources(List.of(resource));
        this.authorizationServer = authorizationServer;
        this.name = name;
    }

    @GET
    @Path("{path: .+}")
    @Public
    public Response metadata(@PathParam("path") String path, @HeaderParam("Host") String host) {
        return resource.byPath(Optional.ofNullable(host), "/" + path)
                .map(found -> {
                    Map<String, Object> metadata = new LinkedHashMap<>();
                    metadata.put("resource", found);
                    metadata.put("authorization_servers", List.of(authorizationServer));
                    metadata.put("bearer_methods_supported", List.of("header"));
                    metadata.put("resource_name", name);
                    return Response.ok(metadata, MediaType.APPLICATION_JSON_TYPE)
                            .cacheControl(CACHE_AN_HOUR)
                            .build();
                })
                .orElseGet(() -> ProblemResponses.problem(
                        404, HttpErrorCodes.NOT_FOUND, "Not found", "No protected resource lives at /" + path));
    }
}
