package dev.latchkey.http.oauth;

import dev.latchkey.domain.auth.Principal;
import dev.latchkey.domain.error.AuthError;
import dev.latchkey.domain.error.AuthFailure;
import dev.latchkey.domain.oauth.ManageOAuthConnections;
import dev.latchkey.domain.oauth.OAuthConnection;
import dev.latchkey.http.auth.Authenticated;
import dev.latchkey.http.auth.CallerContext;
import dev.latchkey.http.problem.HttpErrorCodes;
import dev.latchkey.http.problem.ProblemResponses;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * "Connected apps": the clients a person has authorized, and disconnecting one (which revokes every
 * token it holds for them). Only the person themselves, signed in with a user token, may do this;
 * an OAuth client cannot list or cut off its peers.
 */
@Path("/oauth/connections")
@Produces(MediaType.APPLICATION_JSON)
public final class ConnectionsResource {
    private final ManageOAuthConnections connections;

    public ConnectionsResource(ManageOAuthConnections connections) {
        this.connections = connections;
    }

    @GET
    @Authenticated
    public Map<String, Object> list(@Context SecurityContext security) {
        List<Map<String, Object>> data = connections.list(person(security)).stream()
                .map(ConnectionsResource::view)
                .toList();
        return Map.of("data", data);
    }

    @DELETE
    @Path("/{clientId}")
    @Authenticated
    public Response disconnect(@PathParam("clientId") String clientId, @Context SecurityContext security) {
        int revoked = connections.disconnect(person(security), clientId);
        return revoked == 0
                ? ProblemResponses.problem(
                        404, HttpErrorCodes.NOT_FOUND, "Not found", "No connected application with this client id")
                : Response.noContent().build();
    }

    private static String person(SecurityContext security) {
        Principal principal = CallerContext.principal(security);
        if (!principal.isHuman()) {
            throw new AuthFailure(
                    AuthError.INSUFFICIENT_SCOPE,
                    "Connected applications are managed by the person, signed in with a user token");
        }
        return principal.actor().id();
    }

    private static Map<String, Object> view(OAuthConnection c) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("client_id", c.clientId());
        view.put("client_name", c.clientName());
        view.put("workspace_id", c.workspaceId());
        view.put("scopes", c.scopes().asStrings());
        view.put("first_authorized_at", c.firstAuthorizedAt().toString());
        view.put("last_issued_at", c.lastIssuedAt().toString());
        return view;
    }
}
