package dev.latchkey.domain.workloadtoken;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.latchkey.domain.auth.events.CredentialEvent;
import dev.latchkey.domain.common.RandomIdGenerator;
import dev.latchkey.domain.error.AuthError;
import dev.latchkey.domain.error.AuthFailure;
import dev.latchkey.domain.error.RequestRejected;
import dev.latchkey.domain.external.ExternalTokenVerifier;
import dev.latchkey.domain.grant.DelegationGrant;
import dev.latchkey.domain.grant.GrantScopes;
import dev.latchkey.domain.membership.Membership;
import dev.latchkey.domain.membership.Role;
import dev.latchkey.domain.membership.RoleScopes;
import dev.latchkey.domain.scope.ScopeSet;
import dev.latchkey.domain.testing.FastTestHasher;
import dev.latchkey.domain.testing.InMemoryCaches;
import dev.latchkey.domain.testing.InMemoryDelegationGrantStore;
import dev.latchkey.domain.testing.InMemoryIssuedWorkloadTokenStore;
import dev.latchkey.domain.testing.InMemoryMembershipStore;
import dev.latchkey.domain.testing.InMemoryWorkloadStore;
import dev.latchkey.domain.testing.InMemoryWorkloadTokenCodec;
import dev.latchkey.domain.testing.InMemoryWorkspaceStore;
import dev.latchkey.domain.testing.MutableClock;
import dev.latchkey.domain.workload.PolicyStatus;
import dev.latchkey.domain.workload.Workload;
import dev.latchkey.domain.workload.WorkloadPolicy;
import dev.latchkey.domain.workload.WorkloadStatus;
import dev.latchkey.domain.workspace.Workspace;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A grant's terms remembered between a workload's tokens: the secret is checked against the
 * remembered hashes every time, a change made on another instance is seen after {@code
 * revalidateAfter} at the latest, and the events that make a verified token stale make the terms so.
 * The stores are changed directly here, as another instance would change them, so that only the
 * event (or the clock) can make this one notice.
 */
class RememberedGrantTermsTest {
    private static final Duration REVALIDATE_AFTER = Duration.ofSeconds(30);
    private static final String USER = "usr_ana";
    private static final String SECRET = "wk_current";

    private final MutableClock clock = MutableClock.startingAt("2026-12-02T12:00:00Z");
    private final InMemoryWorkloadStore workloads = new InMemoryWorkloadStore();
    private final InMemoryDelegationGrantStore grants = new InMemoryDelegationGrantStore();
    private final InMemoryMembershipStore memberships = new InMemoryMembershipStore();
    private final InMemoryWorkspaceStore workspaces = new InMemoryWorkspaceStore();
    private final FastTestHasher hasher = new FastTestHasher();
    private final RandomIdGenerator ids = new RandomIdGenerator(new SecureRandom());
    private final RememberedGrantTerms remembered = new RememberedGrantTerms(new InMemoryCaches(), REVALIDATE_AFTER);
    private final IssueWorkloadToken issue = new IssueWorkloadToken(
            new WorkloadProof(workloads, hasher, ExternalTokenVerifier.NONE, clock),
            grants,
            new GrantScopes(memberships, workloads, RoleScopes.defaults(), workspaces),
            new InMemoryWorkloadTokenCodec(),
            new InMemoryIssuedWorkloadTokenStore(),
            ids,
            clock,
            remembered);
    private int worlds;
    private String tenant;
    private String workload;
    private String grantId;

    /** A workspace of its own, its owner's grant to a workload with an approved policy. */
    @BeforeEach
    void aWorkloadWithAPolicyAndAGrant() {
        worlds++;
        tenant = "ws_terms_" + worlds;
        workload = "wl_runner_" + worlds;
        workspaces.insert(new Workspace(tenant, "terms", clock.instant(), Optional.empty()));
        memberships.insert(new Membership(tenant, USER, Role.OWNER, clock.instant(), Optional.empty()));
        workloads.insert(new Workload(workload, tenant, "runner", hasher.hash(SECRET), clock.instant(), USER));
        workloads.insertPolicy(new WorkloadPolicy(
                ids.newId("pol"),
                workload,
                tenant,
                ScopeSet.parseSpaceSeparated("records:*"),
                PolicyStatus.APPROVED,
                USER,
                clock.instant(),
                Optional.of(USER),
                Optional.of(clock.instant())));
        grantId = ids.newId("grant");
        grants.insert(new DelegationGrant(
                grantId,
                tenant,
                USER,
                workload,
                ScopeSet.parseSpaceSeparated("records:read"),
                clock.instant(),
                clock.instant().plus(Duration.ofHours(1)),
                Optional.empty()));
    }

    private IssueWorkloadToken.Issued token(String secret) {
        return issue.execute(workload, secret, grantId);
    }

    private void rotateElsewhere(String newSecret, Duration overlap) {
        Workload current = workloads.findById(workload).orElseThrow();
        workloads.update(
                current.withNewSecret(hasher.hash(newSecret), clock.instant().plus(overlap), clock.instant()));
    }

    @Test
    void aWrongSecretIsRefusedThoughTheGrantsTermsAreRemembered() {
        assertThat(token(SECRET).scopes()).isEqualTo(ScopeSet.parseSpaceSeparated("records:read"));

        assertThatThrownBy(() -> token("wk_wrong"))
                .isInstanceOfSatisfying(
                        AuthFailure.class, f -> assertThat(f.error()).isEqualTo(AuthError.INVALID_CREDENTIALS));
        assertThatThrownBy(() -> issue.execute("wl_other", SECRET, grantId)).isInstanceOf(AuthFailure.class);
    }

    @Test
    void aChangeWithoutAnEventIsSeenOnceRevalidateAfterHasPassed() {
        token(SECRET);
        workloads.update(workloads.findById(workload).orElseThrow().withStatus(WorkloadStatus.DISABLED));

        assertThat(token(SECRET).token().value()).isNotBlank(); // remembered: no event reached this instance
        clock.advance(REVALIDATE_AFTER);

        assertThatThrownBy(() -> token(SECRET))
                .isInstanceOfSatisfying(
                        AuthFailure.class, f -> assertThat(f.error()).isEqualTo(AuthError.WORKLOAD_DISABLED));
    }

    @Test
    void aRetiringSecretStopsWhenItsOverlapEndsEvenWhileRemembered() {
        rotateElsewhere("wk_next", Duration.ofSeconds(10));
        remembered.forget(new CredentialEvent.ActorChanged(workload));
        token(SECRET);
        token("wk_next");

        clock.advance(Duration.ofSeconds(10));

        assertThatThrownBy(() -> token(SECRET)).isInstanceOf(AuthFailure.class);
        assertThat(token("wk_next").token().value()).isNotBlank();
    }

    @Test
    void theEventsThatStaleAVerifiedWorkloadTokenStaleTheTerms() {
        assertStaleAfter(
                () -> rotateElsewhere("wk_rotated", Duration.ZERO),
                () -> new CredentialEvent.ActorChanged(workload),
                AuthFailure.class);
        assertStaleAfter(
                () -> grants.markRevoked(grantId, clock.instant()),
                () -> new CredentialEvent.GrantRevoked(grantId),
                RequestRejected.class);
        assertStaleAfter(
                () -> memberships.markRemoved(tenant, USER, clock.instant()),
                () -> new CredentialEvent.MembershipChanged(USER, tenant),
                AuthFailure.class);
        assertStaleAfter(
                () -> workspaces.markDeleted(tenant, clock.instant()),
                () -> new CredentialEvent.WorkspacesChanged(Set.of(tenant)),
                AuthFailure.class);
    }

    @Test
    void eventsAboutOtherWorkloadsGrantsAndWorkspacesKeepTheTerms() {
        token(SECRET);
        workloads.update(workloads.findById(workload).orElseThrow().withStatus(WorkloadStatus.DISABLED));

        remembered.forget(new CredentialEvent.ActorChanged("wl_someone_else"));
        remembered.forget(new CredentialEvent.GrantRevoked("grant_other"));
        remembered.forget(new CredentialEvent.MembershipChanged("usr_bob", "ws_other"));
        remembered.forget(new CredentialEvent.WorkspacesChanged(Set.of("ws_other")));
        remembered.forget(new CredentialEvent.CredentialChanged("wjti_one_token"));

        assertThat(token(SECRET).token().value()).isNotBlank();
    }

    /** In a fresh world: a token, {@code change} made "on another instance", then its event; the next token obeys the change. */
    private void assertStaleAfter(
            Runnable change, Supplier<CredentialEvent> event, Class<? extends RuntimeException> refusal) {
        aWorkloadWithAPolicyAndAGrant();
        token(SECRET);
        change.run();
        assertThat(token(SECRET).token().value()).as("before %s", event.get()).isNotBlank();

        remembered.forget(event.get());

        assertThatThrownBy(() -> token(SECRET)).as("after %s", event.get()).isInstanceOf(refusal);
    }
}
