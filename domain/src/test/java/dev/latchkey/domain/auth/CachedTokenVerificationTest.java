package dev.latchkey.domain.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.latchkey.domain.actor.Actor;
import dev.latchkey.domain.actor.ActorKind;
import dev.latchkey.domain.actor.ActorStatus;
import dev.latchkey.domain.error.AuthError;
import dev.latchkey.domain.error.AuthFailure;
import dev.latchkey.domain.scope.ScopeSet;
import dev.latchkey.domain.testing.InMemoryCaches;
import dev.latchkey.domain.testing.InMemoryVerificationCache;
import dev.latchkey.domain.testing.MutableClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class CachedTokenVerificationTest {
    private final MutableClock clock = MutableClock.startingAt("2026-09-01T12:00:00Z");
    private final CachedTokenVerification verification = new CachedTokenVerification(
            new InMemoryVerificationCache(100), clock, Duration.ofSeconds(30), new InMemoryCaches());
    private final AtomicInteger fullChecks = new AtomicInteger();

    private static PresentedCredential jwtExpiringAt(Instant exp) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return new PresentedCredential.Bearer(b64.encodeToString("{\"alg\":\"RS256\"}".getBytes(StandardCharsets.UTF_8))
                + "."
                + b64.encodeToString(("{\"sub\":\"wl_1\",\"exp\":" + exp.getEpochSecond() + ",\"jti\":\"t\"}")
                        .getBytes(StandardCharsets.UTF_8))
                + ".signature");
    }

    /** The expensive check a verifier would run: counted, and answering as a codec would. */
    private Supplier<CachedTokenVerification.Verified> fullCheck(Instant exp) {
        return () -> {
            fullChecks.incrementAndGet();
            if (!clock.instant().isBefore(exp.plusSeconds(30))) {
                throw new AuthFailure(AuthError.INVALID_JWT, "The token has expired");
            }
            Actor actor =
                    new Actor("wl_1", ActorKind.AGENT, ActorStatus.ACTIVE, Optional.of("ws_1"), "agent", Set.of());
            return new CachedTokenVerification.Verified(
                    "t",
                    new Principal(
                            actor,
                            Optional.of("ws_1"),
                            CredentialKind.WORKLOAD_TOKEN,
                            ScopeSet.ALL,
                            "t",
                            Optional.of(exp)),
                    exp);
        };
    }

    private void assertExpired(PresentedCredential token, Instant exp) {
        assertThatThrownBy(() -> verification.verify(token, fullCheck(exp)))
                .isInstanceOfSatisfying(AuthFailure.class, failure -> {
                    assertThat(failure.error()).isEqualTo(AuthError.INVALID_JWT);
                    assertThat(failure.detail()).isEqualTo("The token has expired");
                });
    }

    @Test
    void aTokenLongPastItsExpiryIsRefusedWithoutItsSignatureBeingChecked() {
        Instant exp = clock.instant().minus(Duration.ofHours(1));
        PresentedCredential token = jwtExpiringAt(exp);

        assertExpired(token, exp);
        assertExpired(token, exp);

        assertThat(fullChecks)
                .as("no signature check for a token an hour past exp")
                .hasValue(0);
    }

    @Test
    void aTokenJustPastItsExpiryIsLeftToTheVerifierWhoseClockSkewDecides() {
        Instant exp = clock.instant().minus(Duration.ofSeconds(10));
        PresentedCredential token = jwtExpiringAt(exp);

        assertThat(verification.verify(token, fullCheck(exp)).credentialId())
                .as("within the skew allowance")
                .isEqualTo("t");
        assertThat(fullChecks).hasValue(1);
    }

    @Test
    void aTokenSeenToExpireIsRememberedAsDead() {
        Instant exp = clock.instant().plus(Duration.ofMinutes(5));
        PresentedCredential token = jwtExpiringAt(exp);
        verification.verify(token, fullCheck(exp));
        assertThat(fullChecks).hasValue(1);

        clock.advance(Duration.ofMinutes(5).plusSeconds(1));
        assertExpired(token, exp);
        assertExpired(token, exp);
        assertExpired(token, exp);

        assertThat(fullChecks)
                .as("expired in the cache, then remembered: no further full check")
                .hasValue(1);
    }

    @Test
    void aForgedFutureExpiryBuysNothing() {
        Instant exp = clock.instant().plus(Duration.ofDays(3650));
        PresentedCredential token = jwtExpiringAt(exp);
        AtomicInteger calls = new AtomicInteger();

        assertThatThrownBy(() -> verification.verify(token, () -> {
                    calls.incrementAndGet();
                    throw new AuthFailure(
                            AuthError.INVALID_JWT,
                            "The token's signature, type, issuer, audience or claims are not valid");
                }))
                .isInstanceOf(AuthFailure.class)
                .hasMessageContaining("signature");
        assertThat(calls)
                .as("an unexpired claim is never trusted: the full check runs")
                .hasValue(1);
    }
}
