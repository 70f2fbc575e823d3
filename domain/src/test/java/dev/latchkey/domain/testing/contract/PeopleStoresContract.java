package dev.latchkey.domain.testing.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.domain.external.ExternalIdentityStore;
import dev.latchkey.domain.mail.EmailAddress;
import dev.latchkey.domain.membership.Invitation;
import dev.latchkey.domain.membership.InvitationStore;
import dev.latchkey.domain.membership.Membership;
import dev.latchkey.domain.membership.MembershipStore;
import dev.latchkey.domain.membership.Role;
import dev.latchkey.domain.token.RevokedTokenStore;
import dev.latchkey.domain.user.User;
import dev.latchkey.domain.user.UserStore;
import dev.latchkey.domain.workspace.Workspace;
import dev.latchkey.domain.workspace.WorkspaceStore;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link UserStore}, {@link MembershipStore} and {@link RevokedTokenStore} must do. */
public abstract class PeopleStoresContract {
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    protected UserStore users;
    protected MembershipStore memberships;
    protected RevokedTokenStore revoked;
    protected WorkspaceStore workspaces;

    protected abstract UserStore userStore();

    protected abstract MembershipStore membershipStore();

    protected abstract RevokedTokenStore revokedTokenStore();

    protected abstract WorkspaceStore workspaceStore();

    protected abstract InvitationStore invitationStore();

    protected abstract ExternalIdentityStore externalIdentityStore();

    protected abstract dev.latchkey.domain.user.EmailTokenStore emailTokenStore();

    @Test
    void aMailedTokenIsUsedOnceForItsPurposeBeforeItExpires() {
        User user = newUser();
        var tokens = emailTokenStore();
        var verify = dev.latchkey.domain.user.EmailToken.Purpose.VERIFY_EMAIL;
        var reset = dev.latchkey.domain.user.EmailToken.Purpose.RESET_PASSWORD;
        String hash = fresh("h");
        tokens.insert(new dev.latchkey.domain.user.EmailToken(hash, user.id(), verify, T0.plusSeconds(60)));

        assertThat(tokens.consume(hash, reset, T0)).as("another purpose").isEmpty();
        assertThat(tokens.consume(hash, verify, T0.plusSeconds(60)))
                .as("expired")
                .isEmpty();
        assertThat(tokens.consume(hash, verify, T0))
                .get()
                .extracting(dev.latchkey.domain.user.EmailToken::userId)
                .isEqualTo(user.id());
        assertThat(tokens.consume(hash, verify, T0)).as("used").isEmpty();
        assertThat(tokens.consume(fresh("unknown"), verify, T0)).isEmpty();
    }

    @Test
    void anAddressIsProvenOnceAndResettingCredentialsEndsEveryToken() {
        User user = newUser();
        assertThat(users.findById(user.id()).orElseThrow().isEmailVerified()).isFalse();

        users.markEmailVerified(user.id(), T0.plusSeconds(5));
        users.markEmailVerified(user.id(), T0.plusSeconds(9));
        assertThat(users.findById(user.id()).orElseThrow().emailVerifiedAt()).contains(T0.plusSeconds(5));

        User other = newUser();
        users.resetCredentials(other.id(), Optional.empty(), T0.plusSeconds(20));
        User reset = users.findById(other.id()).orElseThrow();
        assertThat(reset.passwordHash()).isEmpty();
        assertThat(reset.tokensValidAfter()).contains(T0.plusSeconds(20));
        assertThat(reset.emailVerifiedAt()).contains(T0.plusSeconds(20));
    }

    @BeforeEach
    void setUpStores() {
        users = userStore();
        memberships = membershipStore();
        revoked = revokedTokenStore();
        workspaces = workspaceStore();
    }

    private static String fresh(String prefix) {
        return prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    }

    private User newUser() {
        User user = new User(
                fresh("usr"),
                EmailAddress.parse(fresh("a") + "@example.com"),
                Optional.of("$argon2id$v=19$m=1024,t=1,p=1$c2FsdA$aGFzaA"),
                T0,
                Optional.empty());
        assertThat(users.insert(user)).isTrue();
        return user;
    }

    private Workspace newWorkspace() {
        Workspace ws = new Workspace(fresh("ws"), "w", T0, Optional.empty());
        workspaces.insert(ws);
        return ws;
    }

    @Test
    void usersAreFoundByIdAndNormalisedEmailAndEmailsAreUnique() {
        User user = newUser();

        assertThat(users.findById(user.id())).contains(user);
        assertThat(users.findByEmail(user.email())).contains(user);
        User twin = new User(fresh("usr"), user.email(), Optional.empty(), T0, Optional.empty());
        assertThat(users.insert(twin)).isFalse();
        assertThat(users.findById(twin.id())).isEmpty();
    }

    @Test
    void usersWithoutPasswordsRoundTrip() {
        User external = new User(
                fresh("usr"), EmailAddress.parse(fresh("g") + "@example.com"), Optional.empty(), T0, Optional.empty());
        users.insert(external);

        assertThat(users.findById(external.id())).contains(external);
    }

    @Test
    void tokensValidAfterIsRecorded() {
        User user = newUser();

        users.setTokensValidAfter(user.id(), T0.plusSeconds(30));

        assertThat(users.findById(user.id()).orElseThrow().tokensValidAfter()).contains(T0.plusSeconds(30));
    }

    @Test
    void membershipsListActiveOnesOldestFirstAndRemovalKeepsTheRow() {
        User user = newUser();
        Workspace first = newWorkspace();
        Workspace second = newWorkspace();
        Membership older = new Membership(first.id(), user.id(), Role.OWNER, T0, Optional.empty());
        Membership newer = new Membership(second.id(), user.id(), Role.VIEWER, T0.plusSeconds(5), Optional.empty());

        assertThat(memberships.insert(newer)).isTrue();
        assertThat(memberships.insert(older)).isTrue();
        assertThat(memberships.insert(older))
                .as("one membership per user and workspace")
                .isFalse();

        assertThat(memberships.listActiveByUser(user.id())).containsExactly(older, newer);
        assertThat(memberships.markRemoved(first.id(), user.id(), T0.plusSeconds(9)))
                .isTrue();
        assertThat(memberships.markRemoved(first.id(), user.id(), T0.plusSeconds(10)))
                .isFalse();
        assertThat(memberships.listActiveByUser(user.id())).containsExactly(newer);
        assertThat(memberships.find(first.id(), user.id()).orElseThrow().removedAt())
                .contains(T0.plusSeconds(9));
    }

    @Test
    void rolesChangeAndWorkspacesListTheirActiveMembers() {
        User owner = newUser();
        User viewer = newUser();
        Workspace ws = newWorkspace();
        memberships.insert(new Membership(ws.id(), owner.id(), Role.OWNER, T0, Optional.empty()));
        memberships.insert(new Membership(ws.id(), viewer.id(), Role.VIEWER, T0.plusSeconds(1), Optional.empty()));

        assertThat(memberships.updateRole(ws.id(), viewer.id(), Role.ADMIN)).isTrue();
        assertThat(memberships.updateRole(ws.id(), fresh("usr"), Role.ADMIN)).isFalse();

        assertThat(memberships.listActiveByWorkspace(ws.id()))
                .extracting(Membership::role)
                .containsExactly(Role.OWNER, Role.ADMIN);
        memberships.markRemoved(ws.id(), viewer.id(), T0.plusSeconds(2));
        assertThat(memberships.listActiveByWorkspace(ws.id()))
                .extracting(Membership::userId)
                .containsExactly(owner.id());
        assertThat(memberships.updateRole(ws.id(), viewer.id(), Role.OWNER))
                .as("removed members keep their role")
                .isFalse();
        assertThat(memberships.rejoin(ws.id(), owner.id(), Role.ADMIN, T0.plusSeconds(3)))
                .as("an active member")
                .isFalse();
        assertThat(memberships.rejoin(ws.id(), viewer.id(), Role.MEMBER, T0.plusSeconds(3)))
                .isTrue();
        assertThat(memberships.find(ws.id(), viewer.id()).orElseThrow()).satisfies(m -> {
            assertThat(m.isActive()).isTrue();
            assertThat(m.role()).isEqualTo(Role.MEMBER);
        });
    }

    @Test
    void changesThatMustKeepAnOwnerNeverLeaveNone() {
        User first = newUser();
        User second = newUser();
        Workspace ws = newWorkspace();
        memberships.insert(new Membership(ws.id(), first.id(), Role.OWNER, T0, Optional.empty()));
        memberships.insert(new Membership(ws.id(), second.id(), Role.OWNER, T0, Optional.empty()));

        assertThat(memberships.changeRoleKeepingAnOwner(ws.id(), first.id(), Role.ADMIN))
                .isEqualTo(MembershipStore.Change.CHANGED);
        assertThat(memberships.changeRoleKeepingAnOwner(ws.id(), second.id(), Role.ADMIN))
                .isEqualTo(MembershipStore.Change.LAST_OWNER);
        assertThat(memberships.removeKeepingAnOwner(ws.id(), second.id(), T0.plusSeconds(1)))
                .isEqualTo(MembershipStore.Change.LAST_OWNER);
        assertThat(memberships.changeRoleKeepingAnOwner(ws.id(), second.id(), Role.OWNER))
                .as("an owner staying owner")
                .isEqualTo(MembershipStore.Change.CHANGED);
        assertThat(memberships.removeKeepingAnOwner(ws.id(), first.id(), T0.plusSeconds(2)))
                .as("an admin leaving")
                .isEqualTo(MembershipStore.Change.CHANGED);
        assertThat(memberships.removeKeepingAnOwner(ws.id(), first.id(), T0.plusSeconds(3)))
                .isEqualTo(MembershipStore.Change.NO_SUCH_MEMBER);
        assertThat(memberships.listActiveByWorkspace(ws.id()))
                .extracting(Membership::role)
                .containsExactly(Role.OWNER);
    }

    @Test
    void aDeletedWorkspacesMembershipsAreAllRemovedAndOthersStay() {
        User user = newUser();
        Workspace gone = newWorkspace();
        Workspace kept = newWorkspace();
        memberships.insert(new Membership(gone.id(), user.id(), Role.OWNER, T0, Optional.empty()));
        memberships.insert(new Membership(kept.id(), user.id(), Role.VIEWER, T0, Optional.empty()));

        memberships.removeAllIn(gone.id(), T0.plusSeconds(1));

        assertThat(memberships.listActiveByUser(user.id()))
                .extracting(Membership::workspaceId)
                .containsExactly(kept.id());
        assertThat(memberships.find(gone.id(), user.id()).orElseThrow().removedAt())
                .contains(T0.plusSeconds(1));
    }

    @Test
    void twoOwnersDemotingThemselvesAtOnceLeaveOneOwner() throws Exception {
        for (int round = 0; round < 8; round++) {
            User first = newUser();
            User second = newUser();
            Workspace ws = newWorkspace();
            memberships.insert(new Membership(ws.id(), first.id(), Role.OWNER, T0, Optional.empty()));
            memberships.insert(new Membership(ws.id(), second.id(), Role.OWNER, T0, Optional.empty()));
            java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(2);
            java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(2);
            try {
                var a = threads.submit(() -> {
                    together.await();
                    return memberships.changeRoleKeepingAnOwner(ws.id(), first.id(), Role.ADMIN);
                });
                var b = threads.submit(() -> {
                    together.await();
                    return memberships.removeKeepingAnOwner(ws.id(), second.id(), T0.plusSeconds(1));
                });
                assertThat(java.util.List.of(a.get(), b.get()))
                        .as("round " + round)
                        .containsExactlyInAnyOrder(MembershipStore.Change.CHANGED, MembershipStore.Change.LAST_OWNER);
            } finally {
                threads.shutdownNow();
            }
            assertThat(memberships.listActiveByWorkspace(ws.id()))
                    .filteredOn(m -> m.role() == Role.OWNER)
                    .hasSize(1);
        }
    }

    @Test
    void invitationsArePendingUntilAcceptedAndUniquePerWorkspaceAndEmail() {
        Workspace ws = newWorkspace();
        Workspace other = newWorkspace();
        EmailAddress email = EmailAddress.parse(fresh("inv") + "@example.com");
        Invitation invitation = new Invitation(ws.id(), email, Role.MEMBER, "usr_admin", T0, Optional.empty());

        assertThat(invitationStore().insert(invitation)).isTrue();
        assertThat(invitationStore().insert(invitation)).isFalse();
        invitationStore()
                .insert(new Invitation(
                        other.id(), email, Role.VIEWER, "usr_admin", T0.plusSeconds(1), Optional.empty()));

        assertThat(invitationStore().listPendingByEmail(email))
                .extracting(Invitation::workspaceId)
                .containsExactly(ws.id(), other.id());
        assertThat(invitationStore().listPendingByWorkspace(ws.id())).containsExactly(invitation);
        invitationStore().markAccepted(ws.id(), email, T0.plusSeconds(5));
        assertThat(invitationStore().listPendingByEmail(email))
                .extracting(Invitation::workspaceId)
                .containsExactly(other.id());
        assertThat(invitationStore().listPendingByWorkspace(ws.id())).isEmpty();
    }

    @Test
    void externalIdentitiesLinkToOneUserEach() {
        User user = newUser();
        User other = newUser();
        String subject = fresh("sub");

        assertThat(externalIdentityStore().link("google", subject, user.id())).isTrue();
        assertThat(externalIdentityStore().link("google", subject, other.id())).isFalse();
        assertThat(externalIdentityStore().link("supabase", subject, other.id()))
                .isTrue();

        assertThat(externalIdentityStore().findUserId("google", subject)).contains(user.id());
        assertThat(externalIdentityStore().findUserId("supabase", subject)).contains(other.id());
        assertThat(externalIdentityStore().findUserId("google", fresh("sub"))).isEmpty();
    }

    @Test
    void revokedTokensAreRememberedAndRevokingTwiceIsHarmless() {
        User user = newUser();
        String jti = fresh("jti");

        assertThat(revoked.isRevoked(jti)).isFalse();
        revoked.revoke(jti, user.id(), T0.plusSeconds(3600));
        revoked.revoke(jti, user.id(), T0.plusSeconds(3600));

        assertThat(revoked.isRevoked(jti)).isTrue();
        assertThat(revoked.isRevoked(fresh("jti"))).isFalse();
    }

    @Test
    void aRevokedTokenIsForgottenOnlyOnceItHasExpired() {
        String expired = fresh("jti");
        String live = fresh("jti");
        revoked.revoke(expired, "client_x", T0.minus(Duration.ofDays(10)));
        revoked.revoke(live, "client_x", T0.plusSeconds(3600));

        assertThat(revoked.deleteExpiredBefore(T0.minus(Duration.ofDays(5)))).isGreaterThanOrEqualTo(1);
        assertThat(revoked.isRevoked(expired)).isFalse();
        assertThat(revoked.isRevoked(live)).isTrue();
    }

    @Test
    void aSingleUseIdIsSpentByExactlyOneOfManyConcurrentAttempts() throws Exception {
        String jti = fresh("jti");
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            java.util.List<java.util.concurrent.Future<Boolean>> attempts = new java.util.ArrayList<>();
            for (int i = 0; i < 16; i++) {
                attempts.add(pool.submit(() -> revoked.revokeOnce(jti, "client_x", T0.plusSeconds(300))));
            }
            int first = 0;
            for (java.util.concurrent.Future<Boolean> attempt : attempts) {
                first += attempt.get() ? 1 : 0;
            }
            assertThat(first).isEqualTo(1);
        } finally {
            pool.shutdown();
        }
        assertThat(revoked.isRevoked(jti)).isTrue();
        assertThat(revoked.revokeOnce(fresh("jti"), "client_x", T0.plusSeconds(300)))
                .isTrue();
    }

    @Test
    void onlyOneWorkspaceIsBootstrappedPerUser() {
        User user = newUser();
        Workspace first = new Workspace(fresh("ws"), "first", T0, Optional.empty());
        Workspace second = new Workspace(fresh("ws"), "second", T0, Optional.empty());

        assertThat(workspaces.insertBootstrappedBy(first, user.id())).isTrue();
        assertThat(workspaces.insertBootstrappedBy(second, user.id())).isFalse();

        assertThat(workspaces.findBootstrappedBy(user.id())).contains(first);
        assertThat(workspaces.findById(second.id())).isEmpty();
        assertThat(workspaces.findBootstrappedBy(fresh("usr"))).isEmpty();
    }
}
