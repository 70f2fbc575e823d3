package dev.latchkey.domain.grant;

import dev.latchkey.domain.audit.AuditEvent;
import dev.latchkey.domain.audit.AuditLog;
import dev.latchkey.domain.audit.ChainedAuditEvent;
import dev.latchkey.domain.audit.VerifyAuditTrail;
import dev.latchkey.domain.membership.Membership;
import dev.latchkey.domain.membership.MembershipStore;
import dev.latchkey.domain.membership.Role;
import dev.latchkey.domain.membership.RoleScopes;
import dev.latchkey.domain.scope.ScopeSet;
import dev.latchkey.domain.workload.WorkloadStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a grant granted at a past moment, rebuilt from the workspace's audit trail: the person's role
 * then (from {@code member.*} events, and the membership's own start), the workload's approved policy
 * then ({@code workload_policy.approved} and {@code .rejected}), whether the workload was registered,
 * disabled or deleted ({@code workload.*}), and the grant's own creation, expiry and revocation. The
 * events that decided each term are named, and the trail is verified first, so an answer built on an
 * edited or missing row says so. Roles map to scopes as configured now.
 */
public final class GrantAtTime {
    /** The most events one explanation reads; a longer trail is read to here and the answer says so. */
    static final int MAX_EVENTS = 100_000;

    private static final int PAGE = 1_000;

    private final AuditLog audit;
    private final MembershipStore memberships;
    private final RoleScopes roleScopes;
    private final WorkloadStore workloads;

    public GrantAtTime(AuditLog audit, MembershipStore memberships, RoleScopes roleScopes, WorkloadStore workloads) {
        this.audit = audit;
        this.workloads = workloads;
        this.memberships = memberships;
        this.roleScopes = roleScopes;
    }

    /** One audit event an answer rests on. */
    public record Evidence(String eventId, String action, Instant occurredAt) {
        static Evidence of(AuditEvent event) {
            return new Evidence(event.id(), event.action(), event.occurredAt());
        }
    }

    /**
     * The grant at {@code at}: its state then ({@code active}, {@code not_yet_created}, {@code
     * expired}, {@code revoked}), the workload's ({@code active}, {@code not_registered}, {@code
     * disabled}, {@code deleted}), the person's role (empty: not a member then), the three terms and
     * their intersection — nothing effective unless grant, workload and membership all held then.
     */
    public record Explanation(
            Instant at,
            String grantState,
            String workloadState,
            Optional<Role> userRole,
            Optional<String> policyId,
            GrantExplanation terms,
            ScopeSet effective,
            List<Evidence> evidence,
            boolean auditTrailIntact) {
        public Explanation {
            evidence = List.copyOf(evidence);
        }
    }

    public Explanation explain(DelegationGrant grant, Instant at) {
        List<AuditEvent> trail = trailOf(grant.tenantId());
        List<AuditEvent> events =
                trail.stream().filter(e -> !e.occurredAt().isAfter(at)).toList();
        List<Evidence> evidence = new ArrayList<>();
        Optional<Role> role = roleAt(grant, at, trail, events, evidence);
        Optional<PolicyThen> policy = policyAt(grant.workloadId(), events, evidence);
        String workload = workloadStateAt(grant.workloadId(), at, events, evidence);
        String state = grant.createdAt().isAfter(at)
                ? "not_yet_created"
                : grant.revokedAt().filter(r -> !r.isAfter(at)).isPresent()
                        ? "revoked"
                        : grant.expiresAt().isAfter(at) ? "active" : "expired";
        GrantExplanation terms = GrantExplanation.of(
                role.map(roleScopes::of).orElse(ScopeSet.EMPTY),
                policy.map(PolicyThen::scopes).orElse(ScopeSet.EMPTY),
                grant.requested());
        boolean held = state.equals("active") && workload.equals("active") && role.isPresent();
        boolean intact = new VerifyAuditTrail(audit).workspace(grant.tenantId()).intact();
        return new Explanation(
                at,
                state,
                workload,
                role,
                policy.map(PolicyThen::id),
                terms,
                held ? terms.effective() : ScopeSet.EMPTY,
                evidence,
                intact);
    }

    /** The workspace's events in append order, read once (up to {@link #MAX_EVENTS}). */
    private List<AuditEvent> trailOf(String workspaceId) {
        List<AuditEvent> events = new ArrayList<>();
        long after = 0;
        while (events.size() < MAX_EVENTS) {
            List<ChainedAuditEvent> page = audit.inAppendOrder(workspaceId, after, PAGE);
            for (ChainedAuditEvent chained : page) {
                events.add(chained.event());
                after = chained.position();
            }
            if (page.size() < PAGE) {
                break;
            }
        }
        return events;
    }

    private static boolean about(AuditEvent event, String target) {
        return event.targetId().filter(target::equals).isPresent();
    }

    /**
     * The role the person held at {@code at}: the membership's first role from its start (an invitation
     * accepted is not an audit event of its own), then each {@code member.added}, {@code
     * .role_changed} and {@code .removed} up to then. Bootstrapping a workspace makes its founder owner.
     */
    private Optional<Role> roleAt(
            DelegationGrant grant,
            Instant at,
            List<AuditEvent> trail,
            List<AuditEvent> events,
            List<Evidence> evidence) {
        String user = grant.userId();
        Optional<Membership> membership = memberships.find(grant.tenantId(), user);
        Optional<Role> role = membership.filter(m -> !m.createdAt().isAfter(at)).map(m -> firstRole(m, trail));
        for (AuditEvent event : events) {
            boolean founded = event.action().equals("workspace.bootstrapped")
                    && event.actorId().equals(user);
            if (founded) {
                role = Optional.of(Role.OWNER);
            } else if (about(event, user) && event.action().equals("member.added")) {
                role = Optional.ofNullable(event.details().get("role")).map(Role::parse);
            } else if (about(event, user) && event.action().equals("member.role_changed")) {
                role = Optional.ofNullable(event.details().get("to")).map(Role::parse);
            } else if (about(event, user) && event.action().equals("member.removed")) {
                role = Optional.empty();
            } else {
                continue;
            }
            evidence.add(Evidence.of(event));
        }
        return role;
    }

    /** The role a membership began with: the {@code from} of its first role change, or its role now. */
    private static Role firstRole(Membership membership, List<AuditEvent> trail) {
        return trail.stream()
                .filter(e -> about(e, membership.userId())
                        && e.action().equals("member.role_changed")
                        && !e.occurredAt().isBefore(membership.createdAt())
                        && e.details().containsKey("from"))
                .findFirst()
                .map(e -> Role.parse(e.details().get("from")))
                .orElse(membership.role());
    }

    private record PolicyThen(String id, ScopeSet scopes) {}

    private static Optional<PolicyThen> policyAt(String workloadId, List<AuditEvent> events, List<Evidence> evidence) {
        Optional<PolicyThen> policy = Optional.empty();
        for (AuditEvent event : events) {
            if (!workloadId.equals(event.details().get("workload_id"))
                    || event.targetId().isEmpty()) {
                continue;
            }
            if (event.action().equals("workload_policy.approved")) {
                policy = Optional.of(new PolicyThen(
                        event.targetId().get(),
                        ScopeSet.parseSpaceSeparated(event.details().getOrDefault("scopes", ""))));
                evidence.add(Evidence.of(event));
            } else if (event.action().equals("workload_policy.rejected")
                    && policy.filter(p -> p.id().equals(event.targetId().get())).isPresent()) {
                policy = Optional.empty(); // the approved policy withdrawn
                evidence.add(Evidence.of(event));
            }
        }
        return policy;
    }

    /** From its registration on (the record's own time, for one registered before the trail began). */
    private String workloadStateAt(String workloadId, Instant at, List<AuditEvent> events, List<Evidence> evidence) {
        String state = workloads
                .findById(workloadId)
                .filter(w -> !w.createdAt().isAfter(at))
                .map(w -> "active")
                .orElse("not_registered");
        for (AuditEvent event : events) {
            if (!about(event, workloadId)) {
                continue;
            }
            String next = switch (event.action()) {
                case "workload.registered", "workload.enabled" -> "active";
                case "workload.disabled" -> "disabled";
                case "workload.deleted" -> "deleted";
                default -> null;
            };
            if (next != null) {
                state = next;
                evidence.add(Evidence.of(event));
            }
        }
        return state;
    }
}
