package dev.latchkey.domain.testing.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.domain.actor.Actor;
import dev.latchkey.domain.actor.ActorKind;
import dev.latchkey.domain.actor.ActorStatus;
import dev.latchkey.domain.auth.CredentialKind;
import dev.latchkey.domain.auth.Principal;
import dev.latchkey.domain.auth.VerificationCache;
import dev.latchkey.domain.scope.ScopeSet;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What every {@link VerificationCache} must do: bounded, quick when full, and forgetting on demand. */
public abstract class VerificationCacheContract {
    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    protected abstract VerificationCache newCache(int maxEntries);

    private static VerificationCache.Entry entry(String credentialId, String tenant) {
        Actor actor = new Actor(
                credentialId, ActorKind.SERVICE, ActorStatus.ACTIVE, Optional.of(tenant), "api_key", Set.of());
        Principal principal = new Principal(
                actor, Optional.of(tenant), CredentialKind.API_KEY, ScopeSet.ALL, credentialId, Optional.empty());
        return new VerificationCache.Entry(credentialId, "proof", principal, Optional.empty(), NOW.plusSeconds(30));
    }

    private static ByteBuffer key(String presented) {
        return VerificationCache.fingerprint(presented);
    }

    @Test
    void overflowingAFullCacheTenTimesOverStaysBoundedAndTheNewestIsFoundAndForgotten() {
        VerificationCache cache = newCache(100_000);
        long started = System.nanoTime();
        for (int i = 0; i < 1_000_000; i++) {
            cache.put(key("credential-" + i), entry("key_" + i, "ws_1"));
        }
        // A stall guard, generous for a 2-core machine (the figures are in VerificationCacheChurnBenchmark):
        // an eviction that scanned took minutes here.
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(30));
        assertThat(cache.size()).isLessThanOrEqualTo(100_000);

        assertThat(cache.get(key("credential-999999"))).isPresent();
        cache.invalidate("key_999999");
        assertThat(cache.get(key("credential-999999")))
                .as("the reverse index still finds it")
                .isEmpty();
    }

    @Test
    void aCredentialSeenUnderANewValueReplacesItsOldEntry() {
        VerificationCache cache = newCache(10);
        cache.put(key("old value"), entry("key_1", "ws_1"));

        cache.put(key("rolled value"), entry("key_1", "ws_1"));

        assertThat(cache.get(key("old value"))).isEmpty();
        assertThat(cache.get(key("rolled value"))).isPresent();
        cache.invalidate("key_1");
        assertThat(cache.get(key("rolled value"))).isEmpty();
    }

    @Test
    void wideChangesForgetExactlyTheMatchingEntries() {
        VerificationCache cache = newCache(10);
        cache.put(key("a"), entry("key_a", "ws_gone"));
        cache.put(key("b"), entry("key_b", "ws_kept"));
        cache.put(key("c"), entry("key_c", "ws_gone"));

        cache.invalidateWhere(
                e -> e.principal().tenantId().filter("ws_gone"::equals).isPresent());

        assertThat(cache.get(key("a"))).isEmpty();
        assertThat(cache.get(key("c"))).isEmpty();
        assertThat(cache.get(key("b"))).isPresent();
        assertThat(cache.size()).isEqualTo(1);
        cache.remove(key("b"));
        assertThat(cache.get(key("b"))).isEmpty();
        cache.invalidate("key_b"); // already gone: no error
    }
}
