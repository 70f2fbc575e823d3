package dev.latchkey.http.oauth;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.latchkey.domain.auth.Principal;
import dev.latchkey.domain.error.RequestRejected;
import dev.latchkey.domain.oauth.ManageMachineClients;
import dev.latchkey.domain.oauth.OAuthClient;
import dev.latchkey.domain.scope.ScopeSet;
import dev.latchkey.http.RequestSource;
import dev.latchkey.http.RequestValues;
import dev.latchkey.http.auth.Authenticated;
import dev.latchkey.http.auth.CallerContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriBuilder;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Machine clients of the caller's workspace: confidential OAuth clients that obtain their own tokens
 * with {@code client_credentials}, created by an admin within their own scopes.
 */
@Path("/oauth/clients")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class MachineClientsResource {
    private final ManageMachineClients clients;

    public MachineClientsResource(ManageMachineClients clients) {
        this.clients = clients;
    }

    /** {@code POST /oauth/clients}: a name; optionally scopes, the method, and for private_key_jwt the JWK Set. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record CreateRequest(String name, List<String> scopes, String tokenEndpointAuthMethod, JsonNode jwks) {}

    /** A machine client as listed: no secret (none is stored) and the public keys as registered. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ClientView(
            String clientId,
            String clientName,
            List<String> scopes,
            String tokenEndpointAuthMethod,
            List<String> grantTypes,
            String createdAt,
            String createdBy,
            String lastUsedAt,
            String clientSecret) {

        static ClientView of(OAuthClient client, Optional<String> secret) {
            return new ClientView(
                    client.clientId(),
                    client.displayName(),
                    ScopeSet.parseSpaceSeparated(client.scope().orElse("")).asStrings(),
                    client.authMethod().wireName(),
                    List.of("client_credentials"),
                    client.issuedAt().toString(),
                    client.machine().map(OAuthClient.Machine::createdBy).orElse(null),
                    client.lastUsedAt().map(Instant::toString).orElse(null),
                    secret.orElse(null));
        }
    }

    @POST
    @Authenticated(scopes = "oauth_clients:write")
    public Response create(CreateRequest body, @Context SecurityContext security, @Context HttpServletRequest http) {
        CreateRequest request = RequestValues.requireBody(body);
        if (request.jwks() != null && !request.jwks().isObject()) {
            throw RequestRejected.invalid("jwks must be a JWK Set object: {\"keys\": [...]}");
        }
        Principal caller = CallerContext.principal(security);
        ManageMachineClients.Created created = clients.create(
                CallerContext.tenant(security),
                new ManageMachineClients.Command(
                        request.name(),
                        RequestValues.scopes("scopes", request.scopes()),
                        Optional.ofNullable(request.tokenEndpointAuthMethod()),
                        Optional.ofNullable(request.jwks()).map(JsonNode::toString)),
                caller.scopes(),
                RequestSource.initiator(caller, http));
        return Response.created(UriBuilder.fromPath("/oauth/clients/{id}")
                        .build(created.client().clientId()))
                .entity(ClientView.of(created.client(), created.secret()))
                .build();
    }

    @GET
    @Authenticated(scopes = "oauth_clients:read")
    public Map<String, List<ClientView>> list(@Context SecurityContext security) {
        return Map.of(
                "data",
                clients.list(CallerContext.tenant(security)).stream()
                        .map(client -> ClientView.of(client, Optional.empty()))
                        .toList());
    }

    @DELETE
    @Path("/{id}")
    @Authenticated(scopes = "oauth_clients:write")
    public Response delete(
            @PathParam("id") String id, @Context SecurityContext security, @Context HttpServletRequest http) {
        Principal caller = CallerContext.principal(security);
        clients.delete(CallerContext.tenant(security), id, RequestSource.initiator(caller, http));
        return Response.noContent().build();
    }
}
