package dev.latchkey.http.apikey;

import dev.latchkey.domain.apikey.IssueApiKey;
import dev.latchkey.domain.apikey.IssuedApiKey;
import dev.latchkey.domain.apikey.ListApiKeys;
import dev.latchkey.domain.apikey.RevokeApiKey;
import dev.latchkey.domain.apikey.RollApiKey;
import dev.latchkey.domain.auth.Principal;
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
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Local API-key management for the caller's own workspace. */
@Path("/api-keys")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class ApiKeyResource {
    /** Used when a roll names no grace period: long enough to redeploy, short enough to matter. */
    static final Duration DEFAULT_GRACE = Duration.ofHours(1);

    private final IssueApiKey issue;
    private final ListApiKeys list;
    private final RevokeApiKey revoke;
    private final RollApiKey roll;
    private final Clock clock;

    public ApiKeyResource(IssueApiKey issue, ListApiKeys list, RevokeApiKey revoke, RollApiKey roll, Clock clock) {
        this.issue = issue;
        this.list = list;
        this.revoke = revoke;
        this.roll = roll;
        this.clock = clock;
    }

    @POST
    @Authenticated(scopes = "api_keys:write")
    public Response create(
            CreateApiKeyRequest body, @Context SecurityContext security, @Context HttpServletRequest http) {
        CreateApiKeyRequest request = RequestValues.requireBody(body);
        Principal caller = CallerContext.principal(security);
        IssuedApiKey issued = issue.execute(
                new IssueApiKey.Command(
                        CallerContext.tenant(security),
                        request.name(),
                        RequestValues.scopes("scopes", request.scopes()),
                        RequestValues.instant("expires_at", request.expiresAt())),
                caller.scopes(),
                RequestSource.initiator(caller, http));
        return Response.created(
                        UriBuilder.fromPath("/api-keys/{id}").build(issued.key().id()))
                .entity(IssuedApiKeyView.of(issued))
                .build();
    }

    @GET
    @Authenticated(scopes = "api_keys:read")
    public Map<String, List<ApiKeyView>> list(@Context SecurityContext security) {
        Principal caller = CallerContext.principal(security);
        Instant now = clock.instant();
        return Map.of(
                "data",
                list.execute(CallerContext.tenant(security)).stream()
                        .map(key -> ApiKeyView.of(key, now))
                        .collect(Collectors.toList()));
    }

    @DELETE
    @Path("/{id}")
    @Authenticated(scopes = "api_keys:write")
    public Response revoke(
            @PathParam("id") String id, @Context SecurityContext security, @Context HttpServletRequest http) {
        Principal caller = CallerContext.principal(security);
        revoke.execute(CallerContext.tenant(security), id, RequestSource.initiator(caller, http));
        return Response.noContent().build();
    }

    @POST
    @Path("/{id}/roll")
    @Authenticated(scopes = "api_keys:write")
    public Response roll(
            @PathParam("id") String id,
            RollApiKeyRequest body,
            @Context SecurityContext security,
            @Context HttpServletRequest http) {
        Principal caller = CallerContext.principal(security);
        Duration grace =
                body == null || body.graceSeconds() == null ? DEFAULT_GRACE : Duration.ofSeconds(body.graceSeconds());
        RollApiKey.Rolled rolled = roll.execute(
                CallerContext.tenant(security), id, grace, caller.scopes(), RequestSource.initiator(caller, http));
        return Response.created(UriBuilder.fromPath("/api-keys/{id}")
                        .build(rolled.replacement().key().id()))
                .entity(IssuedApiKeyView.of(
                        rolled.replacement(), rolled.replacedKeyId(), rolled.replacedKeyExpiresAt()))
                .build();
    }
}
