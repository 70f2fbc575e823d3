package dev.latchkey.domain.grant;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.domain.audit.AuditTrail;
import dev.latchkey.domain.audit.Initiator;
import dev.latchkey.domain.common.RandomIdGenerator;
import dev.latchkey.domain.membership.Membership;
import dev.latchkey.domain.membership.Role;
import dev.latchkey.domain.membership.RoleScopes;
import dev.latchkey.domain.scope.ScopeSet;
import dev.latchkey.domain.testing.InMemoryAuditLog;
import dev.latchkey.domain.testing.InMemoryMembershipStore;
import dev.latchkey.domain.testing.InMemoryWorkloadStore;
import dev.latchkey.domain.testing.MutableClock;
import dev.latchkey.domain.workload.Workload;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A grant's past, rebuilt from the audit trail: the person's role, the workload's policy and its
 * status, and the grant's own life, each at the moment asked about.
 */
class GrantAtTimeTest {
    private final MutableClock clock = MutableClock.startingAt("2026-12-01T09:00:00Z");
    private final InMemoryAuditLog log = new InMemoryAuditLog();
    private final AuditTrail audit = new AuditTrail(log, new RandomIdGenerator(new SecureRandom()), clock);
    private final InMemoryMembershipStore memberships = new InMemoryMembershipStore();
    private final InMemoryWorkloadStore workloads = new InMemoryWorkloadStore();
    private final GrantAtTime history = new GrantAtTime(log, memberships, RoleScopes.defaults(), workloads);
    private final Initiator owner = new Initiator("usr_owner", Optional.empty(), Optional.empty());

    /** A moment {@code step} on, before whatever is recorded next (which happens a second later). */
    private Instant after(Duration step) {
        clock.advance(step);
        Instant moment = clock.instant();
        clock.advance(Duration.ofSeconds(1));
        return moment;
    }

    @Test
    void eachTermIsTheOneThatHeldAtTheMomentAskedAbout() {
        Instant registered = clock.instant();
        workloads.insert(new Workload("wl_1", "ws_1", "bot", "hash", registered, "usr_owner"));
        audit.record("ws_1", owner, "workload.registered", "wl_1", Map.of("name", "bot"));
        audit.record(
                "ws_1",
                owner,
                "workload_policy.approved",
                "pol_1",
                Map.of("workload_id", "wl_1", "scopes", "records:* workloads:*"));
        memberships.insert(
                new Membership("ws_1", "usr_ana", Role.ADMIN, after(Duration.ofMinutes(1)), Optional.empty()));
        DelegationGrant grant = new DelegationGrant(
                "grt_1",
                "ws_1",
                "usr_ana",
                "wl_1",
                ScopeSet.parseSpaceSeparated("records:* workloads:read"),
                after(Duration.ofMinutes(1)),
                clock.instant().plus(Duration.ofHours(8)),
                Optional.of(clock.instant().plus(Duration.ofHours(4))));
        Instant asAdmin = after(Duration.ofMinutes(10));
        audit.record("ws_1", owner, "member.role_changed", "usr_ana", Map.of("from", "admin", "to", "member"));
        Instant asMember = after(Duration.ofMinutes(10));
        audit.record(
                "ws_1",
                owner,
                "workload_policy.approved",
                "pol_2",
                Map.of("workload_id", "wl_1", "scopes", "records:read"));
        Instant narrowed = after(Duration.ofMinutes(10));
        audit.record("ws_1", owner, "workload.disabled", "wl_1", Map.of());
        Instant disabled = after(Duration.ofMinutes(10));
        audit.record("ws_1", owner, "workload.enabled", "wl_1", Map.of());
        audit.record("ws_1", owner, "workload_policy.rejected", "pol_2", Map.of("workload_id", "wl_1"));
        Instant withdrawn = after(Duration.ofMinutes(10));
        clock.advance(Duration.ofHours(5));

        GrantAtTime.Explanation beforeIt = history.explain(grant, registered);
        assertThat(beforeIt.grantState()).isEqualTo("not_yet_created");
        assertThat(beforeIt.userRole()).as("not yet a member").isEmpty();
        assertThat(beforeIt.effective().isEmpty()).isTrue();

        GrantAtTime.Explanation first = history.explain(grant, asAdmin);
        assertThat(first.grantState()).isEqualTo("active");
        assertThat(first.userRole()).contains(Role.ADMIN);
        assertThat(first.policyId()).contains("pol_1");
        assertThat(first.effective().asStrings()).containsExactlyInAnyOrder("records:*", "workloads:read");
        assertThat(first.auditTrailIntact()).isTrue();

        assertThat(history.explain(grant, asMember).effective().asStrings())
                .as("a member holds records:* but not workloads:read")
                .containsExactly("records:*");
        GrantAtTime.Explanation later = history.explain(grant, narrowed);
        assertThat(later.policyId()).contains("pol_2");
        assertThat(later.effective().asStrings()).containsExactly("records:read");
        assertThat(later.evidence())
                .extracting(GrantAtTime.Evidence::action)
                .contains("member.role_changed", "workload_policy.approved", "workload.registered");

        GrantAtTime.Explanation off = history.explain(grant, disabled);
        assertThat(off.workloadState()).isEqualTo("disabled");
        assertThat(off.effective().isEmpty()).isTrue();
        assertThat(off.terms().effective().asStrings())
                .as("the terms still say what it would grant")
                .containsExactly("records:read");

        GrantAtTime.Explanation noPolicy = history.explain(grant, withdrawn);
        assertThat(noPolicy.workloadState()).isEqualTo("active");
        assertThat(noPolicy.policyId()).as("the approved policy was withdrawn").isEmpty();
        assertThat(noPolicy.effective().isEmpty()).isTrue();

        assertThat(history.explain(grant, clock.instant()).grantState()).isEqualTo("revoked");
    }
}
