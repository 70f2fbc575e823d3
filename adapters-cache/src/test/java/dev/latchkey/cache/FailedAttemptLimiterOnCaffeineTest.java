package dev.latchkey.cache;

import static org.assertj.core.api.Assertions.assertThat;

import com.codahale.metrics.MetricRegistry;
import dev.latchkey.domain.auth.FailedAttemptLimiter;
import dev.latchkey.domain.common.BoundedCache;
import dev.latchkey.domain.common.Caches;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The failure counters under a spray of distinct keys, on the cache production runs: memory stays
 * bounded (it grew with every key before the counters were a bounded cache), and the key actually
 * under attack stays blocked, since Caffeine does not admit a one-off key over a frequently used one.
 */
class FailedAttemptLimiterOnCaffeineTest {
    private final CaffeineCaches caffeine = new CaffeineCaches(new MetricRegistry());
    private final List<BoundedCache<?, ?>> made = new ArrayList<>();
    private final Caches recording = new Caches() {
        @Override
        public <K, V> BoundedCache<K, V> bounded(String name, int maxEntries, Optional<Duration> expireAfterWrite) {
            BoundedCache<K, V> cache = caffeine.bounded(name, maxEntries, expireAfterWrite);
            made.add(cache);
            return cache;
        }
    };

    @Test
    void aSprayOfDistinctKeysNeitherGrowsMemoryNorFreesTheKeyUnderAttack() {
        FailedAttemptLimiter limiter =
                new FailedAttemptLimiter(5, Duration.ofMinutes(15), Clock.systemUTC(), recording, "failed_logins");
        IntStream.range(0, 10).forEach(i -> limiter.recordFailure("ana@example.com"));
        assertThat(limiter.isBlocked("ana@example.com")).isTrue();

        // The attacker sprays one-off keys to push Ana's counter out, and between bursts tries Ana again
        // (each try asks whether she is blocked, as a login does): she must stay blocked throughout.
        for (int burst = 0; burst < 300; burst++) {
            int from = burst * 1_000;
            IntStream.range(from, from + 1_000).forEach(i -> limiter.recordFailure("sprayed-" + i + "@example.com"));
            assertThat(limiter.isBlocked("ana@example.com"))
                    .as("after %d sprayed keys", from + 1_000)
                    .isTrue();
            limiter.recordFailure("ana@example.com");
        }

        assertThat(made).hasSize(1);
        assertThat(made.get(0).size()).isLessThanOrEqualTo(100_000);
    }
}
