package dev.latchkey.domain.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.latchkey.domain.auth.CachedTokenVerification;
import dev.latchkey.domain.auth.PresentedCredential;
import dev.latchkey.domain.common.RandomIdGenerator;
import dev.latchkey.domain.error.AuthError;
import dev.latchkey.domain.error.AuthFailure;
import dev.latchkey.domain.mail.EmailAddress;
import dev.latchkey.domain.membership.Membership;
import dev.latchkey.domain.membership.Role;
import dev.latchkey.domain.membership.RoleScopes;
import dev.latchkey.domain.membership.UserPrincipals;
import dev.latchkey.domain.testing.InMemoryCaches;
import dev.latchkey.domain.testing.InMemoryMembershipStore;
import dev.latchkey.domain.testing.InMemoryRevokedTokenStore;
import dev.latchkey.domain.testing.InMemoryUserStore;
import dev.latchkey.domain.testing.InMemoryVerificationCache;
import dev.latchkey.domain.testing.InMemoryWorkspaceStore;
import dev.latchkey.domain.testing.MutableClock;
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

/** Idle and absolute timeouts of sign-in sessions, renewal, logout, and the API token a page acts with. */
class SignInSessionsTest {

    /** Every signature is a new opaque string, so a renewed session is a different cookie value. */
    static final class FakeCodec implements UserTokenCodec {
        private final Map<String, UserTokenClaims> issued = new ConcurrentHashMap<>();
        private final AtomicInteger counter = new AtomicInteger();
        private final MutableClock clock;

        FakeCodec(MutableClock clock) {
            this.clock = clock;
        }

        @Override
        public String sign(UserTokenClaims claims) {
            String token = "eyJfake." + counter.incrementAndGet() + ".sig";
            issued.put(token, claims);
            return token;
        }

        @Override
        public UserTokenClaims verify(String token) {
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

    private final MutableClock clock = MutableClock.startingAt("2026-07-01T10:00:00Z");
    private final FakeCodec codec = new FakeCodec(clock);
    private final InMemoryUserStore users = new InMemoryUserStore();
    private final InMemoryMembershipStore memberships = new InMemoryMembershipStore();
    private final InMemoryWorkspaceStore workspaces = new InMemoryWorkspaceStore();
    private final InMemoryRevokedTokenStore revoked = new InMemoryRevokedTokenStore();
    private final IssueUserToken issue = new IssueUserToken(
            codec, memberships, new RandomIdGenerator(new SecureRandom()), clock, Duration.ofDays(90));
    private final UserTokenVerifier verifier = new UserTokenVerifier(
            codec,
            revoked,
            users,
            new UserPrincipals(memberships, workspaces, RoleScopes.defaults()),
            new CachedTokenVerification(
                    new InMemoryVerificationCache(100), clock, Duration.ofSeconds(30), new InMemoryCaches()));
    private final SignInSessions sessions = new SignInSessions(codec, issue, verifier, revoked, clock);
    private User user;

    @BeforeEach
    void setUp() {
        user = new User(
                "usr_1", EmailAddress.parse("ana@example.com"), Optional.empty(), clock.instant(), Optional.empty());
        users.insert(user);
        workspaces.insert(new Workspace("ws_1", "Studio", clock.instant(), Optional.empty()));
        memberships.insert(new Membership("ws_1", "usr_1", Role.ADMIN, clock.instant(), Optional.empty()));
    }

    private String signIn() {
        return sessions.open(issue.forUser(user)).value();
    }

    private static void assertLapsed(ThrowingCallable call) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(
                        AuthFailure.class, f -> assertThat(f.error()).isEqualTo(AuthError.INVALID_JWT));
    }

    @Test
    void aSessionLeftAloneLapsesAfterTheIdleTimeout() {
        String cookie = signIn();
        clock.advance(SignInSessions.IDLE_TIMEOUT.minusMinutes(1));
        assertThat(sessions.verify(cookie).actor().id()).isEqualTo("usr_1");

        clock.advance(Duration.ofMinutes(1));

        assertLapsed(() -> sessions.resume(cookie));
    }

    @Test
    void eachPageViewRestartsTheIdleClockButNeverPastTheAbsoluteTimeout() {
        String cookie = signIn();
        Duration step = SignInSessions.IDLE_TIMEOUT.minusMinutes(5);
        Duration elapsed = Duration.ZERO;
        while (elapsed.plus(step).compareTo(SignInSessions.LIFETIME) < 0) {
            clock.advance(step);
            elapsed = elapsed.plus(step);
            cookie = sessions.resume(cookie).renewed().value();
        }
        String last = cookie;
        assertThat(sessions.verify(last)).isNotNull();

        clock.advance(SignInSessions.LIFETIME.minus(elapsed));

        assertLapsed(() -> sessions.resume(last));
    }

    @Test
    void theSessionIsNoApiBearerButThePageActsWithAShortLivedTokenForThePerson() {
        String cookie = signIn();
        assertLapsed(() -> verifier.verify(new PresentedCredential.Bearer(cookie)));

        SignInSessions.Resumed view = sessions.resume(cookie);

        assertThat(verifier.verify(
                                new PresentedCredential.Bearer(view.apiToken().value()))
                        .tenantId())
                .contains("ws_1");
        assertThat(view.apiToken().expiresIn()).isLessThanOrEqualTo(SignInSessions.API_TOKEN_LIFETIME);
        assertThat(sessions.resume(view.renewed().value()).sessionId())
                .as("renewals keep the id")
                .isEqualTo(view.sessionId());
    }

    @Test
    void logoutEndsTheSessionAndEveryRenewalOfIt() {
        String first = signIn();
        String renewed = sessions.resume(first).renewed().value();

        sessions.end(renewed);

        assertThatThrownBy(() -> sessions.resume(first))
                .isInstanceOfSatisfying(
                        AuthFailure.class, f -> assertThat(f.error()).isEqualTo(AuthError.TOKEN_REVOKED));
        assertThatThrownBy(() -> sessions.resume(renewed))
                .isInstanceOfSatisfying(
                        AuthFailure.class, f -> assertThat(f.error()).isEqualTo(AuthError.TOKEN_REVOKED));
        sessions.end(renewed); // a second logout is no error
    }
}
