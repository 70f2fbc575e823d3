package dev.latchkey.http.oauth;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.latchkey.domain.oauth.AuthorizationRequest;
import dev.latchkey.domain.oauth.handoff.HandOffAuthorization;
import dev.latchkey.domain.scope.Scope;
import dev.latchkey.http.RequestValues;
import dev.latchkey.http.auth.Authenticated;
import dev.latchkey.http.auth.CallerContext;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The platform's web app reading and deciding a handed-off authorization request, with the person's
 * own credential (their Supabase session, say): {@code GET} what the client asks for and where the
 * person may grant it, {@code POST} their decision; the answer says where to send the browser.
 * Without a handoff configured there are no such requests: every id is not found.
 */
@Path("/oauth/authorization-requests/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class AuthorizationRequestsResource {
    private static final CacheControl NO_STORE = CacheControl.valueOf("no-store");

    private final Optional<HandOffAuthorization> handoff;
    private final Map<String, String> scopeWords;

    public AuthorizationRequestsResource(Optional<HandOffAuthorization> handoff, Map<String, String> scopeWords) {
        this.handoff = handoff;
        this.scopeWords = Map.copyOf(scopeWords);
    }

    /** {@code POST}: {@code approve} in {@code workspace_id}, or {@code deny}. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record DecisionRequest(String decision, String workspaceId) {}

    @GET
    @Authenticated
    public Response read(@PathParam("id") String id, @Context SecurityContext security) {
        HandOffAuthorization.View view = handoff().read(id, CallerContext.principal(security));
        AuthorizationRequest request = view.request();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("request_id", id);
        body.put(
                "client",
                Map.of(
                        "client_id",
                        request.client().clientId(),
                        "client_name",
                        request.client().displayName()));
        body.put("redirect_uri", request.redirectUri());
        body.put("resource", request.resource());
        body.put(
                "scopes",
                request.scopes().scopes().stream().map(this::described).toList());
        body.put(
                "workspaces",
                view.choices().workspaces().stream()
                        .map(w -> Map.of(
                                "workspace_id",
                                w.id(),
                                "name",
                                w.name(),
                                "scopes",
                                w.grantable().asStrings()))
                        .toList());
        body.put("expires_at", view.expiresAt().toString());
        return Response.ok(body).cacheControl(NO_STORE).build();
    }

    @POST
    @Authenticated
    public Response decide(@PathParam("id") String id, DecisionRequest body, @Context SecurityContext security) {
        DecisionRequest decision = RequestValues.requireBody(body);
        boolean approve = "approve".equals(decision.decision());
        if (!approve && !"deny".equals(decision.decision())) {
            throw dev.latchkey.domain.error.RequestRejected.invalid("decision must be approve or deny");
        }
        String next = handoff()
                .decide(id, CallerContext.principal(security), approve, Optional.ofNullable(decision.workspaceId()));
        return Response.ok(Map.of("redirect_to", next)).cacheControl(NO_STORE).build();
    }

    private HandOffAuthorization handoff() {
        return handoff.orElseThrow(() -> dev.latchkey.domain.error.RequestRejected.notFound("authorization request"));
    }

    private Map<String, String> described(Scope scope) {
        return Map.of(
                "scope", scope.toString(), "description", scopeWords.getOrDefault(scope.toString(), scope.toString()));
    }
}
