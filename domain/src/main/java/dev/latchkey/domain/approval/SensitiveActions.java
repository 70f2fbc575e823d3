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
import dev.latchkey.domain.webhook.WebhookEvents;
import dev.latchkey.domain.webhook.WebhookOutbox;
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
 * {@code approval_required} naming the approval request — the same one for every retry of the same
 * action (workload, grant, method, resource, body), at most {@value #MAX_PENDING_PER_WORKLOAD}
 * waiting per workload — which describes exactly what would happen, and why the approval it presented
 * (if any) did not do: unknown, for another action, still pending, rejected, expired or used. With a
 * matching approved one, the approval is consumed — once. People are never asked. Approvals expire. An
 * approval is bound to the workload and its grant, or for a credential acting under no grant (an API
 * key), to that credential.
 */
public final class SensitiveActions {
    public static final Duration APPROVAL_LIFETIME = Duration.ofMinutes(30);
    /** Requests a workload may have waiting at once: retries reuse theirs, new actions queue up to this. */
    public static final int MAX_PENDING_PER_WORKLOAD = 20;

    private final ApprovalStore approvals;
    private final DelegationGrantStore grants;
    private final IdGenerator ids;
    private final Clock clock;
    private final AuditTrail audit;
    private final Set<CredentialKind> requiredFor;
    private final WebhookOutbox webhooks;

    /** Approvals for workload tokens only. */
    public SensitiveActions(
            ApprovalStore approvals, DelegationGrantStore grants, IdGenerator ids, Clock clock, AuditTrail audit) {
        this(approvals, grants, ids, clock, audit, Set.of(CredentialKind.WORKLOAD_TOKEN), WebhookOutbox.NONE);
    }

    public SensitiveActions(
            ApprovalStore approvals,
            DelegationGrantStore grants,
            IdGenerator ids,
            Clock clock,
            AuditTrail audit,
            Set<CredentialKind> requiredFor,
            WebhookOutbox webhooks) {
        this.requiredFor = Set.copyOf(requiredFor);
        this.webhooks = webhooks;
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
        Optional<Approval> presented = presentedApproval
                .flatMap(approvals::findById)
                .filter(a -> a.tenantId().equals(tenant) && a.workloadId().equals(workload));
        boolean matches = presented
                .filter(a -> a.covers(workload, boundTo, method, path, bodySha256))
                .isPresent();
        if (matches
                && presented.get().status() == ApprovalStatus.APPROVED
                && now.isBefore(presented.get().expiresAt())
                && approvals.consume(presented.get().id())) {
            Approval used = presented.get();
            audit.record(
                    tenant,
                    new Initiator(workload, Optional.of(principal.credentialId()), Optional.empty()),
                    "approval.used",
                    used.id(),
                    Map.of("method", method, "resource", path));
            return Optional.of(used.bodySha256());
        }
        String would = "Would " + method.toUpperCase(java.util.Locale.ROOT) + " " + path + " as " + workload;
        if (matches && presented.get().status() == ApprovalStatus.REJECTED) {
            // The admin said no to exactly this: no new request unless the workload asks afresh (no header).
            throw refusal(
                    presented.get(),
                    "rejected",
                    "rejected",
                    "Approval " + presented.get().id() + " was rejected"
                            + presented.get().reason().map(r -> " (" + r + ")").orElse("")
                            + "; nothing was done. Retry without X-Latchkey-Approval to ask again. " + would);
        }
        String refused = refusalOf(presentedApproval, presented, matches, now);
        String why = whyNot(presentedApproval, presented, matches, now);
        // One read of the workload's waiting requests answers both: is this one of them, and is there room.
        List<Approval> waiting = approvals.listPending(tenant).stream()
                .filter(a -> a.workloadId().equals(workload) && now.isBefore(a.expiresAt()))
                .toList();
        Approval request = waiting.stream()
                .filter(a -> a.covers(workload, boundTo, method, path, bodySha256))
                .findFirst()
                .orElseGet(() -> requestApproval(
                        principal, tenant, workload, boundTo, method, path, bodySha256, now, waiting.size()));
        throw refusal(
                request,
                "pending",
                refused,
                why + ": dry run only, nothing was done. " + would + "; approval request " + request.id()
                        + " (status: GET /internal/auth/approvals/" + request.id() + ")");
    }

    /**
     * The same as {@link #whyNot}, as a stable code a workload can switch on: {@code not_presented},
     * {@code unknown}, {@code other_action}, {@code still_pending}, {@code expired}, {@code used}
     * (and {@code rejected}, which asks nothing anew).
     */
    private static String refusalOf(
            Optional<String> presentedId, Optional<Approval> presented, boolean matches, Instant now) {
        if (presentedId.isEmpty()) {
            return "not_presented";
        }
        if (presented.isEmpty()) {
            return "unknown";
        }
        if (!matches) {
            return "other_action";
        }
        return switch (statusOf(presented.get(), now)) {
            case "used" -> "used";
            case "expired" -> "expired";
            default -> "still_pending";
        };
    }

    /** Why the presented approval, if any, did not let the action through. */
    private static String whyNot(
            Optional<String> presentedId, Optional<Approval> presented, boolean matches, Instant now) {
        if (presentedId.isEmpty()) {
            return "Sensitive action requires explicit approval";
        }
        if (presented.isEmpty()) {
            return "Approval " + presentedId.get() + " is not known to this workload";
        }
        String id = "Approval " + presented.get().id();
        if (!matches) {
            return id + " was for another action (method, resource or body)";
        }
        return switch (statusOf(presented.get(), now)) {
            case "used" -> id + " was already used";
            case "expired" -> id + " has expired";
            default -> id + " is still pending";
        };
    }

    private Approval requestApproval(
            Principal principal,
            String tenant,
            String workload,
            String boundTo,
            String method,
            String path,
            String bodySha256,
            Instant now,
            int open) {
        if (open >= MAX_PENDING_PER_WORKLOAD) {
            throw new AuthFailure(
                    AuthError.RATE_LIMITED,
                    "This workload has " + open + " approval requests waiting for a decision; no more are queued"
                            + " until some are decided or expire",
                    Duration.ofMinutes(1));
        }
        Approval request = Approval.pending(
                ids.newId("apr"),
                tenant,
                workload,
                boundTo,
                method.toUpperCase(java.util.Locale.ROOT),
                path,
                bodySha256,
                now,
                now.plus(APPROVAL_LIFETIME));
        Approval standing = approvals.insertPending(request);
        if (!standing.id().equals(request.id())) {
            return standing; // the same request, made a moment ago by a concurrent retry: asked once
        }
        audit.record(
                tenant,
                new Initiator(workload, Optional.of(principal.credentialId()), Optional.empty()),
                "approval.requested",
                request.id(),
                Map.of("method", request.method(), "resource", path, "body_sha256", bodySha256, "grant_id", boundTo));
        webhooks.publish(tenant, WebhookEvents.APPROVAL_REQUESTED, eventData(request, "pending"));
        return request;
    }

    private static AuthFailure refusal(Approval approval, String status, String refused, String detail) {
        return AuthFailure.approvalRequired(detail, new AuthFailure.ApprovalReference(approval.id(), status, refused));
    }

    /**
     * Where an approval stands as its workload sees it: {@code pending}, {@code approved}, {@code
     * rejected}, {@code used}, or {@code expired} (pending or approved past its expiry).
     */
    public static String statusOf(Approval approval, Instant now) {
        return switch (approval.status()) {
            case REJECTED -> "rejected";
            case USED -> "used";
            case PENDING, APPROVED ->
                now.isBefore(approval.expiresAt())
                        ? approval.status().name().toLowerCase(java.util.Locale.ROOT)
                        : "expired";
        };
    }

    /**
     * One approval, for the workload that asked for it or an admin of its workspace.
     *
     * @throws RequestRejected not found for anyone else (not told apart from unknown)
     */
    public Approval one(Principal caller, String approvalId, boolean admin) {
        String tenant = AccessPolicy.requireTenant(caller);
        return approvals
                .findById(approvalId)
                .filter(a -> a.tenantId().equals(tenant))
                .filter(a -> admin || a.workloadId().equals(caller.actor().id()))
                .orElseThrow(() -> RequestRejected.notFound("Approval " + approvalId));
    }

    /** The time approvals are judged at: expiry is relative to it. */
    public Instant now() {
        return clock.instant();
    }

    public List<Approval> pending(Principal admin) {
        return approvals.listPending(AccessPolicy.requireTenant(admin));
    }

    public Approval decide(
            Principal admin, String approvalId, boolean approve, Optional<String> reason, Initiator initiator) {
        String tenant = AccessPolicy.requireTenant(admin);
        Optional<String> why = checkedReason(reason);
        Approval approval = approvals
                .findById(approvalId)
                .filter(a -> a.tenantId().equals(tenant))
                .orElseThrow(() -> RequestRejected.notFound("Approval " + approvalId));
        Approval decided = approval.decided(
                approve ? ApprovalStatus.APPROVED : ApprovalStatus.REJECTED, initiator.actorId(), clock.instant(), why);
        if (!approvals.decide(decided)) {
            throw new RequestRejected(RequestError.CONFLICT, "Approval " + approvalId + " is no longer pending");
        }
        Map<String, String> details = new java.util.LinkedHashMap<>();
        details.put("method", approval.method());
        details.put("resource", approval.resource());
        details.put("workload_id", approval.workloadId());
        why.ifPresent(r -> details.put("reason", r));
        audit.record(tenant, initiator, approve ? "approval.approved" : "approval.rejected", approvalId, details);
        webhooks.publish(tenant, WebhookEvents.APPROVAL_DECIDED, eventData(decided, approve ? "approved" : "rejected"));
        return decided;
    }

    /** What an approval event tells a receiver: the request, never a credential or the body itself. */
    private static Map<String, String> eventData(Approval approval, String status) {
        Map<String, String> data = new java.util.LinkedHashMap<>();
        data.put("approval_id", approval.id());
        data.put("workload_id", approval.workloadId());
        data.put("grant_id", approval.grantId());
        data.put("method", approval.method());
        data.put("resource", approval.resource());
        data.put("body_sha256", approval.bodySha256());
        data.put("status", status);
        data.put("requested_at", approval.requestedAt().toString());
        data.put("expires_at", approval.expiresAt().toString());
        approval.decidedBy().ifPresent(by -> data.put("decided_by", by));
        approval.decidedAt().ifPresent(at -> data.put("decided_at", at.toString()));
        approval.reason().ifPresent(reason -> data.put("reason", reason));
        return data;
    }

    /**
     * A decision's reason as the workload will read it: trimmed, at most {@link
     * Approval#MAX_REASON_LENGTH} characters, one line of printable text (it is echoed in refusals and
     * headers' neighbours, so no control characters).
     */
    static Optional<String> checkedReason(Optional<String> reason) {
        Optional<String> stripped = reason.map(String::strip).filter(r -> !r.isEmpty());
        if (stripped.isPresent()) {
            String r = stripped.get();
            if (r.length() > Approval.MAX_REASON_LENGTH) {
                throw RequestRejected.invalid("reason must be at most " + Approval.MAX_REASON_LENGTH + " characters");
            }
            if (r.codePoints().anyMatch(Character::isISOControl)) {
                throw RequestRejected.invalid("reason must be one line of text, without control characters");
            }
        }
        return stripped;
    }

    /** The grant a workload principal acts under. */
    private static String grantOf(Principal principal) {
        return principal
                .grantId()
                .orElseThrow(
                        () -> new AuthFailure(AuthError.TENANT_CONTEXT_REQUIRED, "The workload token names no grant"));
    }
}
