package dev.latchkey.http.approval;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.latchkey.domain.approval.Approval;
import dev.latchkey.domain.approval.SensitiveActions;
import dev.latchkey.domain.auth.Principal;
import dev.latchkey.http.RequestSource;
import dev.latchkey.http.auth.Authenticated;
import dev.latchkey.http.auth.CallerContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Tenant admins see exactly what a workload asks to do, and approve or reject it. */
@Path("/internal/auth/approvals")
@Produces(MediaType.APPLICATION_JSON)
public final class ApprovalResource {
    private final SensitiveActions actions;

    public ApprovalResource(SensitiveActions actions) {
        this.actions = actions;
    }

    /** An approval request: who would do what, under which grant, with which body. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record ApprovalView(
            String id,
            String workloadId,
            String grantId,
            String method,
            String resource,
            String bodySha256,
            String status,
            String requestedAt,
            String expiresAt,
            String decidedBy,
            String decidedAt,
            String reason) {
        static ApprovalView of(Approval a) {
            return of(a, a.status().name().toLowerCase(Locale.ROOT));
        }

        static ApprovalView of(Approval a, String status) {
            return new ApprovalView(
                    a.id(),
                    a.workloadId(),
                    a.grantId(),
                    a.method(),
                    a.resource(),
                    a.bodySha256(),
                    status,
                    a.requestedAt().toString(),
                    a.expiresAt().toString(),
                    a.decidedBy().orElse(null),
                    a.decidedAt().map(Instant::toString).orElse(null),
                    a.reason().orElse(null));
        }
    }

    /** The optional body of approve and reject: why, in words the workload will read with the status. */
    public record DecisionRequest(String reason) {}

    @GET
    @Authenticated(scopes = "approvals:read")
    public Map<String, List<ApprovalView>> pending(@Context SecurityContext security) {
        return Map.of(
                "data",
                actions.pending(CallerContext.principal(security)).stream()
                        .map(ApprovalView::of)
                        .collect(Collectors.toList()));
    }

    /**
     * One approval request, for the workload that asked (to follow it: {@code pending}, {@code
     * approved}, {@code rejected}, {@code expired}, {@code used}) or an admin holding {@code
     * approvals:read}; anyone else gets 404, as for an unknown id.
     */
    @GET
    @Path("/{id}")
    @Authenticated
    public ApprovalView one(@PathParam("id") String id, @Context SecurityContext security) {
        Principal caller = CallerContext.principal(security);
        boolean admin = caller.scopes().covers(dev.latchkey.domain.scope.Scope.parse("approvals:read"));
        Approval approval = actions.one(caller, id, admin);
        return ApprovalView.of(approval, SensitiveActions.statusOf(approval, actions.now()));
    }

    @POST
    @Path("/{id}/approve")
    @Authenticated(scopes = "approvals:decide")
    public ApprovalView approve(
            @PathParam("id") String id,
            DecisionRequest body,
            @Context SecurityContext security,
            @Context HttpServletRequest http) {
        return decide(id, true, body, security, http);
    }

    @POST
    @Path("/{id}/reject")
    @Authenticated(scopes = "approvals:decide")
    public ApprovalView reject(
            @PathParam("id") String id,
            DecisionRequest body,
            @Context SecurityContext security,
            @Context HttpServletRequest http) {
        return decide(id, false, body, security, http);
    }

    private ApprovalView decide(
            String id, boolean approve, DecisionRequest body, SecurityContext security, HttpServletRequest http) {
        Principal admin = CallerContext.principal(security);
        return ApprovalView.of(actions.decide(
                admin,
                id,
                approve,
                java.util.Optional.ofNullable(body).map(DecisionRequest::reason),
                RequestSource.initiator(admin, http)));
    }
}
