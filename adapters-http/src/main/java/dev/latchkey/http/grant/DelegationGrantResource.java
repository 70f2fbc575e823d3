package dev.latchkey.http.grant;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.latchkey.domain.auth.Principal;
import dev.latchkey.domain.error.RequestRejected;
import dev.latchkey.domain.grant.ManageDelegationGrants;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Delegation grants: create (or dry-run), list, explain, revoke. */
@Path("/internal/auth/delegation-grants")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class DelegationGrantResource {
    private final ManageDelegationGrants grants;
    private final Clock clock;

    public DelegationGrantResource(ManageDelegationGrants grants, Clock clock) {
        this.grants = grants;
        this.clock = clock;
    }

    /** {@code POST} body; {@code expires_in} in seconds. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record CreateRequest(String workloadId, List<String> scopes, Long expiresIn, Boolean dryRun) {}

    @POST
    @Authenticated
    public Response create(CreateRequest body, @Context SecurityContext security, @Context HttpServletRequest http) {
        CreateRequest request = RequestValues.requireBody(body);
        Principal caller = CallerContext.principal(security);
        boolean dryRun = Boolean.TRUE.equals(request.dryRun());
        ManageDelegationGrants.Created created = grants.create(
                caller,
                request.workloadId(),
                RequestValues.scopes("scopes", request.scopes())
                        .orElseThrow(() -> RequestRejected.invalid("scopes are required")),
                Optional.ofNullable(request.expiresIn()).map(Duration::ofSeconds),
                dryRun,
                RequestSource.initiator(caller, http));
        GrantViews.CreatedGrantView view = new GrantViews.CreatedGrantView(
                created.grant()
                        .map(g -> GrantViews.GrantView.of(g, clock.instant()))
                        .orElse(null),
                GrantViews.ExplanationView.of(created.explanation()),
                dryRun ? Boolean.TRUE : null);
        return Response.status(dryRun ? Response.Status.OK : Response.Status.CREATED)
                .entity(view)
                .build();
    }

    @GET
    @Authenticated
    public Map<String, List<GrantViews.GrantView>> list(@Context SecurityContext security) {
        return Map.of(
                "data",
                grants.list(CallerContext.principal(security)).stream()
                        .map(g -> GrantViews.GrantView.of(g, clock.instant()))
                        .collect(Collectors.toList()));
    }

    @GET
    @Path("/{id}/explain")
    @Authenticated
    public Object explain(@PathParam("id") String id, @QueryParam("at") String at, @Context SecurityContext security) {
        Principal caller = CallerContext.principal(security);
        if (at == null) {
            return GrantViews.ExplanationView.of(grants.explain(caller, id));
        }
        Instant moment;
        try {
            moment = Instant.parse(at.strip());
        } catch (DateTimeParseException e) {
            throw RequestRejected.invalid("at must be an ISO-8601 instant such as 2026-12-01T12:00:00Z");
        }
        return GrantViews.ExplanationAtView.of(grants.explainAt(caller, id, moment));
    }

    /** Revokes one workload token of the grant, by its {@code jti}; the grant and its other tokens stay. */
    @DELETE
    @Path("/{id}/tokens/{jti}")
    @Authenticated
    public Response revokeToken(
            @PathParam("id") String id,
            @PathParam("jti") String jti,
            @Context SecurityContext security,
            @Context HttpServletRequest http) {
        Principal caller = CallerContext.principal(security);
        grants.revokeToken(caller, id, jti, RequestSource.initiator(caller, http));
        return Response.noContent().build();
    }

    @DELETE
    @Path("/{id}")
    @Authenticated
    public Response revoke(
            @PathParam("id") String id, @Context SecurityContext security, @Context HttpServletRequest http) {
        Principal caller = CallerContext.principal(security);
        grants.revoke(caller, id, RequestSource.initiator(caller, http));
        return Response.noContent().build();
    }
}
