package dev.latchkey.domain.approval;

import dev.latchkey.domain.audit.AuditTrail;
import dev.latchkey.domain.auth.AccessPolicy;
import dev.latchkey.domain.auth.CredentialKind;
import dev.latchkey.domain.auth.Principal;
import dev.latchkey.domain.common.IdGenerator;
import dev.latchkey.domain.common.Initiator;
import dev.latchkey.domain.error.AuthError;
import dev.latchkey.domain.error.AuthFailure;
import dev.latchkey.domain.error.RequestError;
import dev.latchkey.domain.error.RequestRejected;
import dev.latchkey.domain.grant.DelegationGrant;
import dev.latchkey.domain.grant.DelegationGrantStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Sensitive mutations by workloads need an explicit human decision. A workload
 * principal without a matching approval gets 403 {@code approval_required} naming a new approval
 * request, which describes exactly what would happen; with one, the approval is consumed — once.
 * People holding the scopes are not asked. Approvals expire.
 */
public final class SensitiveActions {
    public static final Duration APPROVAL_LIFETIME = Duration.ofMinutes(30);

    private final ApprovalStore approvals;
    private final DelegationGrantStore grants;
    private final IdGenerator ids;
    private final Clock clock;
    private final AuditTrail audit;

    public SensitiveActions(ApprovalStore approvals, DelegationGrantStore grants, IdGenerator ids, Clock clock,
            AuditTrail audit) {
        this.approvals = approvals;
        this.grants = grants;
        this.ids = ids;
        this.clock = clock;
        this.audit = audit;
    }

    /**
     * Lets the action through, or throws {@code approval_required} with the id of the approval
     * request to decide (a fresh one when the presented approval does not match or is spent).
     */
    public void authorize(Principal principal, String method, String path, String bodySha256,
            Optional<String> presentedApproval) {
        if (principal.credentialKind() != CredentialKind.WORKLOAD_TOKEN) {
            return; // people, and machine keys, act on their own authority
        }
        String tenant = AccessPolicy.requireTenant(principal);
        String workload = principal.actor().id();
        DelegationGrant grant = grants.findById(grantOf(principal))
                .orElseThrow(() -> new AuthFailure(AuthError.TOKEN_REVOKED, "The token's grant does not exist"));
        Instant now = clock.instant();
        Optional<Approval> usable = presentedApproval.flatMap(approvals::findById)
                .filter(a -> a.tenantId().equals(tenant))
                .filter(a -> a.status() == ApprovalStatus.APPROVED && now.isBefore(a.expiresAt()))
                .filter(a -> a.covers(workload, grant.id(), method, path, bodySha256));
        if (usable.isPresent() && approvals.consume(usable.get().id())) {
            audit.record(tenant, new Initiator(workload, Optional.of(principal.credentialId()), Optional.empty()),
                    "approval.used", usable.get().id(), Map.of("method", method, "resource", path));
            return;
        }
        Approval request = new Approval(ids.newId("apr"), tenant, workload, grant.id(), method.toUpperCase(
                java.util.Locale.ROOT), path, bodySha256, ApprovalStatus.PENDING, now, now.plus(APPROVAL_LIFETIME),
                Optional.empty(), Optional.empty());
        approvals.insert(request);
        audit.record(tenant, new Initiator(workload, Optional.of(principal.credentialId()), Optional.empty()),
                "approval.requested", request.id(), Map.of("method", request.method(), "resource", path,
                        "body_sha256", bodySha256, "grant_id", grant.id()));
        throw new AuthFailure(AuthError.APPROVAL_REQUIRED, "Sensitive action requires explicit approval: dry run only, "
                + "nothing was done. Would " + request.method() + " " + path + " as workload " + workload
                + "; approval request " + request.id());
    }

    public List<Approval> pending(Principal admin) {
        return approvals.listPending(AccessPolicy.requireTenant(admin));
    }

    public Approval decide(Principal admin, String approvalId, boolean approve, Initiator initiator) {
        String tenant = AccessPolicy.requireTenant(admin);
        Approval approval = approvals.findById(approvalId).filter(a -> a.tenantId().equals(tenant))
                .orElseThrow(() -> RequestRejected.notFound("Approval " + approvalId));
        Approval decided = approval.decided(approve ? ApprovalStatus.APPROVED : ApprovalStatus.REJECTED,
                initiator.actorId(), clock.instant());
        if (!approvals.decide(decided)) {
            throw new RequestRejected(RequestError.CONFLICT, "Approval " + approvalId + " is no longer pending");
        }
        audit.record(tenant, initiator, approve ? "approval.approved" : "approval.rejected", approvalId,
                Map.of("method", approval.method(), "resource", approval.resource(), "workload_id", approval.workloadId()));
        return decided;
    }

    /** The grant a workload principal acts under. */
    private static String grantOf(Principal principal) {
        return principal.grantId().orElseThrow(() -> new AuthFailure(AuthError.TENANT_CONTEXT_REQUIRED,
                "The workload token names no grant"));
    }
}
