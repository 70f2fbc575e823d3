package dev.latchkey.domain.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.domain.actor.Actor;
import dev.latchkey.domain.actor.ActorKind;
import dev.latchkey.domain.actor.ActorStatus;
import dev.latchkey.domain.scope.ScopeSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The cache stays bounded, and overflowing it costs every request about the same. */
class VerificationCacheTest {
    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    private static VerificationCache.Entry entry(String id) {
        Actor actor = new Actor(id, ActorKind.SERVICE, ActorStatus.ACTIVE, Optional.of("ws_1"), "api_key", Set.of());
        Principal principal = new Principal(actor, Optional.of("ws_1"), CredentialKind.API_KEY, ScopeSet.ALL, id,
                Optional.empty());
        return new VerificationCache.Entry(id, "proof", principal, Optional.empty(), NOW.plusSeconds(30));
    }

    @Test
    void overflowingAFullCacheTenTimesOverStaysBoundedAndQuick() {
        VerificationCache cache = new VerificationCache(100_000);
        long started = System.nanoTime();
        for (int i = 0; i < 1_000_000; i++) {
            cache.put(VerificationCache.fingerprint("credential-" + i), entry("key_" + i));
        }
        // Generous for a 2-core machine; the quadratic eviction took minutes here.
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(30));
        assertThat(cache.size()).isLessThanOrEqualTo(100_000);

        String newest = "credential-999999";
        assertThat(cache.get(VerificationCache.fingerprint(newest))).isPresent();
        cache.invalidate("key_999999");
        assertThat(cache.get(VerificationCache.fingerprint(newest))).as("the reverse index still finds it").isEmpty();
    }
}
