package dev.latchkey.domain.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.latchkey.domain.account.LogIn;
import dev.latchkey.domain.auth.CachedTokenVerification;
import dev.latchkey.domain.auth.FailedAttemptLimiter;
import dev.latchkey.domain.auth.PresentedCredential;
import dev.latchkey.domain.auth.Principal;
import dev.latchkey.domain.auth.VerificationCache;
import dev.latchkey.domain.common.RandomIdGenerator;
import dev.latchkey.domain.error.AuthError;
import dev.latchkey.domain.error.AuthFailure;
import dev.latchkey.domain.mail.EmailAddress;
import dev.latchkey.domain.membership.Membership;
import dev.latchkey.domain.membership.Role;
import dev.latchkey.domain.membership.RoleScopes;
import dev.latchkey.domain.membership.UserPrincipals;
import dev.latchkey.domain.testing.CountingSecretHasher;
import dev.latchkey.domain.testing.FastTestHasher;
import dev.latchkey.domain.testing.InMemoryCaches;
import dev.latchkey.domain.testing.InMemoryMembershipStore;
import dev.latchkey.domain.testing.InMemoryRevokedTokenStore;
import dev.latchkey.domain.testing.InMemoryUserStore;
import dev.latchkey.domain.testing.InMemoryVerificationCache;
import dev.latchkey.domain.testing.InMemoryWorkspaceStore;
import dev.latchkey.domain.testing.MutableClock;
import dev.latchkey.domain.testing.TestCredentialEvents;
import dev.latchkey.domain.user.User;
import dev.latchkey.domain.workspace.Workspace;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class UserTokenVerifierTest {
    private static final Duration REVALIDATE = Duration.ofSeconds(30);

    /** Tokens are opaque handles to claims here; the real JWT codec has its own tests. */
    static final class FakeCodec implements UserTokenCodec {
        final Map<String, UserTokenClaims> issued = new ConcurrentHashMap<>();
        final AtomicInteger verifications = new AtomicInteger();
        MutableClock clock;

        @Override
        public String sign(UserTokenClaims claims) {
            String token = "eyJfake." + claims.tokenId() + ".sig";
            issued.put(token, claims);
            return token;
        }

        @Override
        public UserTokenClaims verify(String token) {
            verifications.incrementAndGet();
            UserTokenClaims claims = issued.get(token);
            if (claims == null || !clock.instant().isBefore(claims.expiresAt())) {
                throw new AuthFailure(AuthError.INVALID_JWT, "bad or expired");
            }
            return claims;
        }

        @Override
        public boolean claimsToBeOurs(String token) {
            return token.startsWith("eyJfake.");
        }
    }

    private final MutableClock clock = MutableClock.startingAt("2026-07-01T10:00:00.250Z");
    private final FakeCodec codec = new FakeCodec();
    private final InMemoryUserStore users = new InMemoryUserStore();
    private final InMemoryMembershipStore memberships = new InMemoryMembershipStore();
    private final InMemoryWorkspaceStore workspaces = new InMemoryWorkspaceStore();
    private final InMemoryRevokedTokenStore revoked = new InMemoryRevokedTokenStore();
    private final VerificationCache cache = new InMemoryVerificationCache(100);
    private final IssueUserToken issue = new IssueUserToken(
            codec, memberships, new RandomIdGenerator(new SecureRandom()), clock, Duration.ofDays(90));
    private final UserTokenVerifier verifier = new UserTokenVerifier(
            codec,
            revoked,
            users,
            new UserPrincipals(memberships, workspaces, RoleScopes.defaults()),
            new CachedTokenVerification(cache, clock, REVALIDATE, new InMemoryCaches()));
    private final SignOut signOut = new SignOut(revoked, users, TestCredentialEvents.forgettingIn(cache), clock);
    private User user;

    @BeforeEach
    void setUp() {
        codec.clock = clock;
        user = new User(
                "usr_1", EmailAddress.parse("ana@example.com"), Optional.empty(), clock.instant(), Optional.empty());
        users.insert(user);
        workspaces.insert(new Workspace("ws_1", "Studio", clock.instant(), Optional.empty()));
        memberships.insert(new Membership("ws_1", "usr_1", Role.ADMIN, clock.instant(), Optional.empty()));
    }

    private Principal verify(String token) {
        return verifier.verify(new PresentedCredential.Bearer(token));
    }

    private static void assertFails(AuthError error, ThrowingCallable call) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(
                        AuthFailure.class, f -> assertThat(f.error()).isEqualTo(error));
    }

    @Test
    void aTokenCarriesTheMembersCurrentRoleAndIsVerifiedOnceWithinTheWindow() {
        String token = issue.forUser(user).value();

        Principal first = verify(token);
        for (int i = 0; i < 10; i++) {
            verify(token);
        }

        assertThat(first.tenantId()).contains("ws_1");
        assertThat(first.actor().role()).isEqualTo("admin");
        assertThat(first.scopes()).isEqualTo(RoleScopes.defaults().of(Role.ADMIN));
        assertThat(codec.verifications).hasValue(1);
    }

    @Test
    void logoutInThisProcessIsImmediateAndElsewhereWithinTheRevalidationBound() {
        String here = issue.forUser(user).value();
        String elsewhere = issue.forUser(user).value();
        Principal herePrincipal = verify(here);
        Principal elsewherePrincipal = verify(elsewhere);

        signOut.thisToken(herePrincipal);
        revoked.revoke(
                elsewherePrincipal.credentialId(), "usr_1", clock.instant().plus(Duration.ofDays(1)));

        assertFails(AuthError.TOKEN_REVOKED, () -> verify(here));
        assertThat(verify(elsewhere)).isNotNull();
        clock.advance(REVALIDATE);
        assertFails(AuthError.TOKEN_REVOKED, () -> verify(elsewhere));
    }

    @Test
    void aMembershipRemovedElsewhereStopsTheTokenAtTheNextRevalidation() {
        String token = issue.forUser(user).value();
        verify(token);

        memberships.markRemoved("ws_1", "usr_1", clock.instant());
        clock.advance(REVALIDATE);

        assertFails(AuthError.NO_WORKSPACE, () -> verify(token));
    }

    @Test
    void signOutEverywhereKillsEarlierTokensButNotOnesIssuedInTheSameSecondAfterIt() {
        String before = issue.forUser(user).value();
        Principal principal = verify(before);

        signOut.everywhere(principal);
        String after = issue.forUser(users.findById("usr_1").orElseThrow()).value();

        assertFails(AuthError.TOKEN_REVOKED, () -> verify(before));
        assertThat(verify(after).actor().id()).isEqualTo("usr_1");
    }

    @Test
    void anExpiredTokenFailsEvenWhenCached() {
        IssueUserToken shortLived = new IssueUserToken(
                codec, memberships, new RandomIdGenerator(new SecureRandom()), clock, Duration.ofSeconds(5));
        String token = shortLived.forUser(user).value();
        verify(token);

        clock.advance(Duration.ofSeconds(6));

        assertFails(AuthError.INVALID_JWT, () -> verify(token));
    }

    @Test
    void loginDoesTheSameSlowWorkForAnUnknownEmailAsForAWrongPassword() {
        CountingSecretHasher hasher = new CountingSecretHasher(new FastTestHasher());
        users.insert(new User(
                "usr_2",
                EmailAddress.parse("bo@example.com"),
                Optional.of(hasher.hash("right password")),
                clock.instant(),
                Optional.empty()));
        LogIn logIn = new LogIn(
                users,
                hasher,
                issue,
                new FailedAttemptLimiter(10, Duration.ofMinutes(5), clock, new InMemoryCaches(), "test"),
                new FailedAttemptLimiter(10, Duration.ofMinutes(5), clock, new InMemoryCaches(), "test"));
        int before = hasher.verifications();

        assertFails(AuthError.INVALID_CREDENTIALS, () -> logIn.execute("bo@example.com", "wrong password", "1.2.3.4"));
        assertFails(
                AuthError.INVALID_CREDENTIALS, () -> logIn.execute("nobody@example.com", "wrong password", "1.2.3.4"));

        assertThat(hasher.verifications() - before).isEqualTo(2);
        assertThat(logIn.execute(" BO@example.com", "right password", "1.2.3.4").value())
                .startsWith("eyJfake.");
    }
}
