package dev.latchkey.cache;

import static org.assertj.core.api.Assertions.assertThat;

import com.codahale.metrics.MetricRegistry;
import dev.latchkey.domain.actor.Actor;
import dev.latchkey.domain.actor.ActorKind;
import dev.latchkey.domain.actor.ActorStatus;
import dev.latchkey.domain.auth.CredentialKind;
import dev.latchkey.domain.auth.Principal;
import dev.latchkey.domain.auth.VerificationCache;
import dev.latchkey.domain.common.BoundedCache;
import dev.latchkey.domain.common.Caches;
import dev.latchkey.domain.scope.ScopeSet;
import dev.latchkey.domain.testing.contract.CachesContract;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The caches' contract on Caffeine, and the statistics an operator reads from the metrics. */
class CaffeineCachesTest extends CachesContract {
    private final MetricRegistry metrics = new MetricRegistry();

    @Override
    protected Caches caches() {
        return new CaffeineCaches(metrics);
    }

    @Override
    protected void settle(BoundedCache<?, ?> cache) {
        cache.size(); // runs Caffeine's pending maintenance, eviction included
    }

    @Test
    void aCachesHitsAndMissesAreMetrics() {
        BoundedCache<String, String> cache = caches().bounded("answers", 10, Optional.empty());
        cache.put("a", "1");

        cache.get("a");
        cache.get("a");
        cache.get("nope");

        assertThat(metrics.counter("latchkey.cache.answers.hits").getCount()).isEqualTo(2);
        assertThat(metrics.counter("latchkey.cache.answers.misses").getCount()).isEqualTo(1);
        assertThat(metrics.getGauges().get("latchkey.cache.answers.hit_ratio").getValue())
                .isEqualTo(2.0 / 3);
    }

    @Test
    void aVerificationCachesHitRatioIsAMetric() {
        VerificationCache cache = new CaffeineCaches(metrics).verifications("api_keys", 10);
        Actor actor = new Actor("key_a", ActorKind.SERVICE, ActorStatus.ACTIVE, Optional.of("ws_1"), "admin", Set.of());
        cache.put(
                VerificationCache.fingerprint("a"),
                new VerificationCache.Entry(
                        "key_a",
                        "hash",
                        new Principal(
                                actor,
                                Optional.of("ws_1"),
                                CredentialKind.API_KEY,
                                ScopeSet.EMPTY,
                                "key_a",
                                Optional.empty()),
                        Optional.empty(),
                        Instant.MAX));

        cache.get(VerificationCache.fingerprint("a"));
        cache.get(VerificationCache.fingerprint("nope"));

        assertThat(metrics.counter("latchkey.verification_cache.api_keys.hits").getCount())
                .isEqualTo(1);
        assertThat(metrics.getGauges()
                        .get("latchkey.verification_cache.api_keys.hit_ratio")
                        .getValue())
                .isEqualTo(0.5);
    }
}
