package dev.latchkey.http.workload;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.latchkey.domain.auth.Principal;
import dev.latchkey.domain.workload.ManageWorkloads;
import dev.latchkey.domain.workload.WorkloadFederation;
import dev.latchkey.domain.workload.lifecycle.WorkloadLifecycle;
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
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Workload governance for tenant admins. */
@Path("/internal/auth")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class WorkloadResource {
    private final ManageWorkloads workloads;
    private final WorkloadLifecycle lifecycle;

    public WorkloadResource(ManageWorkloads workloads, WorkloadLifecycle lifecycle) {
        this.workloads = workloads;
        this.lifecycle = lifecycle;
    }

    /** {@code POST /internal/auth/workloads/{id}/rotate-secret} body; absent: the default overlap. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record RotateRequest(Long overlapSeconds) {}

    /** {@code POST /internal/auth/workloads} body; {@code federation} for a workload without a secret. */
    public record RegisterRequest(String name, Federation federation) {}

    /** The platform identity a federated workload proves itself with: a trusted issuer's name and a subject. */
    public record Federation(String issuer, String subject) {}

    /** {@code POST /internal/auth/workload-policies} body. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record ProposeRequest(String workloadId, List<String> scopes) {}

    @POST
    @Path("/workloads")
    @Authenticated(scopes = "workloads:write")
    public Response register(
            RegisterRequest body, @Context SecurityContext security, @Context HttpServletRequest http) {
        Principal caller = CallerContext.principal(security);
        RegisterRequest request = RequestValues.requireBody(body);
        ManageWorkloads.Registered registered = workloads.register(
                caller, request.name(), federation(request.federation()), RequestSource.initiator(caller, http));
        return Response.status(Response.Status.CREATED)
                .entity(WorkloadViews.WorkloadView.of(
                        registered.workload(), registered.secret().orElse(null)))
                .build();
    }

    private static Optional<WorkloadFederation> federation(Federation federation) {
        return Optional.ofNullable(federation).map(f -> WorkloadFederation.of(f.issuer(), f.subject()));
    }

    @GET
    @Path("/workloads")
    @Authenticated(scopes = "workloads:read")
    public Map<String, List<WorkloadViews.WorkloadView>> list(@Context SecurityContext security) {
        return Map.of(
                "data",
                workloads.list(CallerContext.principal(security)).stream()
                        .map(w -> WorkloadViews.WorkloadView.of(w, null))
                        .collect(Collectors.toList()));
    }

    @GET
    @Path("/workloads/{id}")
    @Authenticated(scopes = "workloads:read")
    public WorkloadViews.WorkloadView get(@PathParam("id") String id, @Context SecurityContext security) {
        return WorkloadViews.WorkloadView.of(workloads.inTenant(CallerContext.principal(security), id), null);
    }

    @POST
    @Path("/workloads/{id}/disable")
    @Authenticated(scopes = "workloads:write")
    public WorkloadViews.WorkloadView disable(
            @PathParam("id") String id, @Context SecurityContext security, @Context HttpServletRequest http) {
        Principal caller = CallerContext.principal(security);
        return WorkloadViews.WorkloadView.of(
                lifecycle.disable(caller, id, RequestSource.initiator(caller, http)), null);
    }

    @POST
    @Path("/workloads/{id}/enable")
    @Authenticated(scopes = "workloads:write")
    public WorkloadViews.WorkloadView enable(
            @PathParam("id") String id, @Context SecurityContext security, @Context HttpServletRequest http) {
        Principal caller = CallerContext.principal(security);
        return WorkloadViews.WorkloadView.of(lifecycle.enable(caller, id, RequestSource.initiator(caller, http)), null);
    }

    /** The new secret is in this response only. */
    @POST
    @Path("/workloads/{id}/rotate-secret")
    @Authenticated(scopes = "workloads:write")
    public Response rotateSecret(
            @PathParam("id") String id,
            RotateRequest body,
            @Context SecurityContext security,
            @Context HttpServletRequest http) {
        Principal caller = CallerContext.principal(security);
        Duration overlap = Optional.ofNullable(body)
                .map(RotateRequest::overlapSeconds)
                .map(Duration::ofSeconds)
                .orElse(WorkloadLifecycle.DEFAULT_OVERLAP);
        WorkloadLifecycle.Rotated rotated =
                lifecycle.rotateSecret(caller, id, overlap, RequestSource.initiator(caller, http));
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        return Response.ok(WorkloadViews.WorkloadView.of(rotated.workload(), rotated.secret()))
                .cacheControl(noStore)
                .build();
    }

    @DELETE
    @Path("/workloads/{id}")
    @Authenticated(scopes = "workloads:write")
    public Response delete(
            @PathParam("id") String id, @Context SecurityContext security, @Context HttpServletRequest http) {
        Principal caller = CallerContext.principal(security);
        lifecycle.delete(caller, id, RequestSource.initiator(caller, http));
        return Response.noContent().build();
    }

    /** The workload's tokens that have not expired, newest first, each with whether it still works. */
    @GET
    @Path("/workloads/{id}/tokens")
    @Authenticated(scopes = "workloads:read")
    public Map<String, List<WorkloadViews.TokenView>> tokens(
            @PathParam("id") String id, @Context SecurityContext security) {
        return Map.of(
                "data",
                lifecycle.tokens(CallerContext.principal(security), id).stream()
                        .map(WorkloadViews.TokenView::of)
                        .collect(Collectors.toList()));
    }

    @GET
    @Path("/workloads/{id}/policies")
    @Authenticated(scopes = "workloads:read")
    public Map<String, List<WorkloadViews.PolicyView>> policies(
            @PathParam("id") String id, @Context SecurityContext security) {
        return Map.of(
                "data",
                workloads.policies(CallerContext.principal(security), id).stream()
                        .map(WorkloadViews.PolicyView::of)
                        .collect(Collectors.toList()));
    }

    @POST
    @Path("/workload-policies")
    @Authenticated(scopes = "workloads:write")
    public Response propose(ProposeRequest body, @Context SecurityContext security, @Context HttpServletRequest http) {
        ProposeRequest request = RequestValues.requireBody(body);
        Principal caller = CallerContext.principal(security);
        var policy = workloads.propose(
                caller,
                request.workloadId(),
                RequestValues.scopes("scopes", request.scopes())
                        .orElseThrow(() -> dev.latchkey.domain.error.RequestRejected.invalid("scopes are required")),
                RequestSource.initiator(caller, http));
        return Response.status(Response.Status.CREATED)
                .entity(WorkloadViews.PolicyView.of(policy))
                .build();
    }

    /** Policies awaiting a decision, oldest first. */
    @GET
    @Path("/workload-policies")
    @Authenticated(scopes = "workload_policies:read")
    public Map<String, List<WorkloadViews.PolicyView>> pending(@Context SecurityContext security) {
        return Map.of(
                "data",
                workloads.pending(CallerContext.principal(security)).stream()
                        .map(WorkloadViews.PolicyView::of)
                        .collect(Collectors.toList()));
    }

    @POST
    @Path("/workload-policies/{id}/approve")
    @Authenticated(scopes = "workload_policies:decide")
    public WorkloadViews.PolicyView approve(
            @PathParam("id") String id, @Context SecurityContext security, @Context HttpServletRequest http) {
        Principal caller = CallerContext.principal(security);
        return WorkloadViews.PolicyView.of(workloads.approve(caller, id, RequestSource.initiator(caller, http)));
    }

    @POST
    @Path("/workload-policies/{id}/reject")
    @Authenticated(scopes = "workload_policies:decide")
    public WorkloadViews.PolicyView reject(
            @PathParam("id") String id, @Context SecurityContext security, @Context HttpServletRequest http) {
        Principal caller = CallerContext.principal(security);
        return WorkloadViews.PolicyView.of(workloads.reject(caller, id, RequestSource.initiator(caller, http)));
    }
}
