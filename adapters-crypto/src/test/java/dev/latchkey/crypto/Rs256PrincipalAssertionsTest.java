package dev.latchkey.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.domain.actor.Actor;
import dev.latchkey.domain.actor.ActorKind;
import dev.latchkey.domain.actor.ActorStatus;
import dev.latchkey.domain.auth.CredentialKind;
import dev.latchkey.domain.auth.Principal;
import dev.latchkey.domain.scope.ScopeSet;
import dev.latchkey.domain.testing.InMemoryCaches;
import dev.latchkey.domain.testing.InMemorySigningKeyStore;
import dev.latchkey.domain.testing.MutableClock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;
import org.junit.jupiter.api.Test;

class Rs256PrincipalAssertionsTest {
    private final MutableClock clock = MutableClock.startingAt("2026-08-01T12:00:00Z");
    private final WorkloadSigningKeys keys = new WorkloadSigningKeys(
            new InMemorySigningKeyStore(),
            new byte[32],
            clock,
            Duration.ZERO,
            Duration.ofMinutes(6),
            Duration.ofMinutes(1));
    private final Rs256PrincipalAssertions assertions = new Rs256PrincipalAssertions(
            keys, "latchkey", "latchkey-upstream", Duration.ofSeconds(60), clock, new InMemoryCaches());

    private static Principal principal() {
        Actor actor =
                new Actor("key_1", ActorKind.SERVICE, ActorStatus.ACTIVE, Optional.of("ws_1"), "api_key", Set.of());
        return new Principal(
                actor,
                Optional.of("ws_1"),
                CredentialKind.API_KEY,
                ScopeSet.parse(List.of("records:read")),
                "key_1",
                Optional.empty());
    }

    private JwtClaims verified(String jws) throws Exception {
        return new JwtConsumerBuilder()
                .setVerificationKeyResolver(
                        new JwksVerificationKeyResolver(new JsonWebKeySet(keys.publishedKeys()).getJsonWebKeys()))
                .setExpectedAudience("latchkey-upstream")
                .setEvaluationTime(org.jose4j.jwt.NumericDate.fromMilliseconds(clock.millis()))
                .build()
                .processToClaims(jws);
    }

    @Test
    void oneAssertionServesTheSamePrincipalAndAnEqualOneUntilHalfItsLife() throws Exception {
        Principal first = principal();
        String jws = assertions.assertionFor(first);
        assertThat(verified(jws).getSubject()).isEqualTo("key_1");
        assertThat(verified(jws).getStringClaimValue("scope")).isEqualTo("records:read");

        clock.advance(Duration.ofSeconds(29));
        assertThat(assertions.assertionFor(first)).isSameAs(jws);
        assertThat(assertions.assertionFor(principal()))
                .as("re-verified: an equal principal, a new object")
                .isSameAs(jws);

        clock.advance(Duration.ofSeconds(2));
        String next = assertions.assertionFor(first);
        assertThat(next).isNotEqualTo(jws);
        assertThat(verified(next).getIssuedAt().getValue())
                .isEqualTo(clock.instant().getEpochSecond());
    }
}
