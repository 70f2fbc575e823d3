package dev.latchkey.domain.approval;

import dev.latchkey.domain.audit.AuditTrail;
import dev.latchkey.domain.audit.Initiator;
import dev.latchkey.domain.auth.AccessPolicy;
import dev.latchkey.domain.auth.Authority;
import dev.latchkey.domain.auth.CredentialKind;
import dev.latchkey.domain.auth.Principal;
import dev.latchkey.domain.common.IdGenerator;
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
import java.util.Set;

/**
 * Sensitive mutations by machines need an explicit human decision: which credential kinds are
 * asked is configuration (workload tokens by default; every machine credential in the agent
 * platform). A principal of such a kind without a matching approval gets 403
 * {@code approval_required} naming a new approval request, which describes exactly what would
 * happen; with one, the approval is consumed — once. People are never asked. Approvals expire. An
 * approval is bound to the workload and its grant, or for a credential acting under no grant (an API
 * key), to that credential.
 */
public final class SensitiveActions {
    public static final Duration APPROVAL_LIFETIME = Duration.ofMinutes(30);

    private final ApprovalStore approvals;
    private final DelegationGrantStore grants;
    private final IdGenerator ids;
    private final Clock clock;
    private final AuditTrail audit;
    private final Set<CredentialKind> requiredFor;

    /** Approvals for workload tokens only. */
    public SensitiveActions(
            ApprovalStore approvals, DelegationGrantStore grants, IdGenerator ids, Clock clock, AuditTrail audit) {
        this(approvals, grants, ids, clock, audit, Set.of(CredentialKind.WORKLOAD_TOKEN));
    }

    public SensitiveActions(
            ApprovalStore approvals,
            DelegationGrantStore grants,
            IdGenerator ids,
            Clock clock,
            AuditTrail audit,
            Set<CredentialKind> requiredFor) {
        this.requiredFor = Set.copyOf(requiredFor);
        this.approvals = approvals;
        this.grants = grants;
        this.ids = ids;
        this.clock = clock;
        this.audit = audit;
    }

    /**
     * Lets the action through, or throws {@code approval_required} with the id of the approval
     * request to decide (a fresh one when the presented approval does not match or is spent).
     *
     * @return the body hash the used approval was bound to, which the upstream must check against the
     *     body it receives (forward-auth never sees the body); empty when no approval was needed
     */
    public Optional<String> authorize(
            Principal principal, String method, String path, String bodySha256, Optional<String> presentedApproval) {
        if (!requiredFor.contains(principal.credentialKind()) || Authority.isPerson(principal.credentialKind())) {
            return Optional.empty(); // people, and the kinds not configured to ask, act on their own authority
        }
        String tenant = AccessPolicy.requireTenant(principal);
        String workload = principal.actor().id();
        String boundTo = principal.credentialKind() == CredentialKind.WORKLOAD_TOKEN
                ? grants.findById(grantOf(principal))
                        .map(DelegationGrant::id)
                        .orElseThrow(() -> new AuthFailure(AuthError.TOKEN_REVOKED, "The token's grant does not exist"))
                : principal.grantId().orElse(principal.credentialId());
        Instant now = clock.instant();
        Optional<Approval> usable = presentedApproval
                .flatMap(approvals::findById)
                .filter(a -> a.tenantId().equals(tenant))
                .filter(a -> a.status() == ApprovalStatus.APPROVED && now.isBefore(a.expiresAt()))
                .filter(a -> a.covers(workload, boundTo, method, path, bodySha256));
        if (usable.isPresent() && approvals.consume(usable.get().id())) {
            audit.record(
                    tenant,
                    new Initiator(workload, Optional.of(principal.credentialId()), Optional.empty()),
                    "approval.used",
                    usable.get().id(),
                    Map.of("method", method, "resource", path));
            return Optional.of(usable.get().bodySha256());
        }
        Approval request = new Approval(
                ids.newId("apr"),
                tenant,
                workload,
                boundTo,
                method.toUpperCase(java.util.Locale.ROOT),
                path,
                bodySha256,
                ApprovalStatus.PENDING,
                now,
                now.plus(APPROVAL_LIFETIME),
                Optional.empty(),
                Optional.empty());
        approvals.insert(request);
        audit.record(
                tenant,
                new Initiator(workload, Optional.of(principal.credentialId()), Optional.empty()),
                "approval.requested",
                request.id(),
                Map.of("method", request.method(), "resource", path, "body_sha256", bodySha256, "grant_id", boundTo));
        throw new AuthFailure(
                AuthError.APPROVAL_REQUIRED,
                "Sensitive action requires explicit approval: dry run only, "
                        + "nothing was done. Would " + request.method() + " " + path + " as " + workload
                        + "; approval request " + request.id());
    }

    public List<Approval> pending(Principal admin) {
        return approvals.listPending(AccessPolicy.requireTenant(admin));
    }

    public Approval decide(Principal admin, String approvalId, boolean approve, Initiator initiator) {
        String tenant = AccessPolicy.requireTenant(admin);
        Approval approval = approvals
                .findById(approvalId)
                .filter(a -> a.tenantId().equals(tenant))
                .orElseThrow(() -> RequestRejected.notFound("Approval " + approvalId));
        Approval decided = approval.decided(
                approve ? ApprovalStatus.APPROVED : ApprovalStatus.REJECTED, initiator.actorId(), clock.instant());
        if (!approvals.decide(decided)) {
            throw new RequestRejected(RequestError.CONFLICT, "Approval " + approvalId + " is no longer pending");
        }
        audit.record(
                tenant,
                initiator,
                approve ? "approval.approved" : "approval.rejected",
                approvalId,
                Map.of(
                        "method",
                        approval.method(),
                        "resource",
                        approval.resource(),
                        "workload_id",
                        approval.workloadId()));
        return decided;
    }

    /** The grant a workload principal acts under. */
    private static String grantOf(Principal principal) {
        return principal
                .grantId()
                .orElseThrow(
                        () -> new AuthFailure(AuthError.TENANT_CONTEXT_REQUIRED, "The workload token names no grant"));
    }
}
