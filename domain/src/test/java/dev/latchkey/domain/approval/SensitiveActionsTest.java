package dev.latchkey.domain.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.latchkey.domain.actor.Actor;
import dev.latchkey.domain.actor.ActorKind;
import dev.latchkey.domain.actor.ActorStatus;
import dev.latchkey.domain.audit.AuditTrail;
import dev.latchkey.domain.audit.Initiator;
import dev.latchkey.domain.auth.CredentialKind;
import dev.latchkey.domain.auth.Principal;
import dev.latchkey.domain.common.RandomIdGenerator;
import dev.latchkey.domain.error.AuthFailure;
import dev.latchkey.domain.grant.DelegationGrant;
import dev.latchkey.domain.scope.ScopeSet;
import dev.latchkey.domain.testing.InMemoryApprovalStore;
import dev.latchkey.domain.testing.InMemoryAuditLog;
import dev.latchkey.domain.testing.InMemoryDelegationGrantStore;
import dev.latchkey.domain.testing.MutableClock;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Approvals over time: how a workload's request ages, and what each refusal then says. */
class SensitiveActionsTest {
    private static final String BODY = "a".repeat(64);

    private final MutableClock clock = MutableClock.startingAt("2026-12-01T12:00:00Z");
    private final InMemoryApprovalStore approvals = new InMemoryApprovalStore();
    private final InMemoryDelegationGrantStore grants = new InMemoryDelegationGrantStore();
    private final RandomIdGenerator ids = new RandomIdGenerator(new SecureRandom());
    private final SensitiveActions actions =
            new SensitiveActions(approvals, grants, ids, clock, new AuditTrail(new InMemoryAuditLog(), ids, clock));
    private final Principal workload = new Principal(
            new Actor("wl_1", ActorKind.AGENT, ActorStatus.ACTIVE, Optional.of("ws_1"), "workload", Set.of()),
            Optional.of("ws_1"),
            CredentialKind.WORKLOAD_TOKEN,
            ScopeSet.parseSpaceSeparated("pipelines:*"),
            "wjti_1",
            Optional.of(clock.instant().plusSeconds(300)),
            Optional.of("grt_1"));

    SensitiveActionsTest() {
        grants.insert(new DelegationGrant(
                "grt_1",
                "ws_1",
                "usr_1",
                "wl_1",
                ScopeSet.parseSpaceSeparated("pipelines:*"),
                clock.instant(),
                clock.instant().plus(Duration.ofDays(1)),
                Optional.empty()));
    }

    private AuthFailure refused(Optional<String> approval) {
        try {
            actions.authorize(workload, "DELETE", "/api/pipelines/p_1", BODY, approval);
        } catch (AuthFailure failure) {
            return failure;
        }
        throw new AssertionError("the action went through");
    }

    @Test
    void anApprovalNotUsedInTimeExpiresAndTheRetryAsksAgainSayingSo() {
        String id = refused(Optional.empty()).approval().orElseThrow().id();
        Approval approved = actions.decide(
                new Principal(
                        new Actor("usr_1", ActorKind.HUMAN, ActorStatus.ACTIVE, Optional.of("ws_1"), "owner", Set.of()),
                        Optional.of("ws_1"),
                        CredentialKind.USER_JWT,
                        ScopeSet.ALL,
                        "jti_1",
                        Optional.empty()),
                id,
                true,
                Optional.empty(),
                Initiator.operator("test"));
        assertThat(SensitiveActions.statusOf(approved, clock.instant())).isEqualTo("approved");

        clock.advance(SensitiveActions.APPROVAL_LIFETIME);
        assertThat(SensitiveActions.statusOf(approvals.findById(id).orElseThrow(), clock.instant()))
                .isEqualTo("expired");
        AuthFailure late = refused(Optional.of(id));
        assertThat(late.detail()).contains("has expired");
        assertThat(late.approval().orElseThrow().refusal()).isEqualTo("expired");
        assertThat(late.approval().orElseThrow().id()).isNotEqualTo(id);
        assertThat(late.approval().orElseThrow().status()).isEqualTo("pending");
    }

    @Test
    void aPendingRequestPastItsExpiryIsNotReusedAndPeopleAreNeverAsked() {
        String first = refused(Optional.empty()).approval().orElseThrow().id();
        assertThat(refused(Optional.empty()).approval().orElseThrow().id()).isEqualTo(first);
        clock.advance(SensitiveActions.APPROVAL_LIFETIME.plusSeconds(1));
        assertThat(refused(Optional.empty()).approval().orElseThrow().id()).isNotEqualTo(first);

        Principal person = new Principal(
                new Actor("usr_1", ActorKind.HUMAN, ActorStatus.ACTIVE, Optional.of("ws_1"), "owner", Set.of()),
                Optional.of("ws_1"),
                CredentialKind.USER_JWT,
                ScopeSet.ALL,
                "jti_1",
                Optional.empty());
        assertThat(actions.authorize(person, "DELETE", "/api/pipelines/p_1", BODY, Optional.empty()))
                .isEmpty();
        assertThatThrownBy(() -> actions.one(person, "apr_none", true)).hasMessageContaining("not found");
    }
}
