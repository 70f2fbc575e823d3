package dev.latchkey.domain.testing.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.domain.common.BoundedCache;
import dev.latchkey.domain.common.Caches;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** What every {@link Caches} must do; run against the twin and against Caffeine. */
public abstract class CachesContract {

    protected abstract Caches caches();

    /** Lets an implementation finish eviction it does in the background before the bound is checked. */
    protected void settle(BoundedCache<?, ?> cache) {}

    @Test
    void remembersReplacesAndForgets() {
        BoundedCache<String, Integer> cache = caches().bounded("contract", 10, Optional.empty());

        cache.put("a", 1);
        cache.put("a", 2);
        assertThat(cache.get("a")).contains(2);
        assertThat(cache.get("b")).isEmpty();

        assertThat(cache.contains("a")).isTrue();
        assertThat(cache.contains("b")).isFalse();

        cache.remove("a");
        assertThat(cache.get("a")).isEmpty();
        assertThat(cache.contains("a")).isFalse();
    }

    @Test
    void forgetsEveryEntryAPredicateCallsStaleAndNoOther() {
        BoundedCache<String, Integer> cache = caches().bounded("contract", 10, Optional.of(Duration.ofMinutes(5)));
        IntStream.range(0, 6).forEach(i -> cache.put("k" + i, i));

        cache.removeIf(value -> value % 2 == 0);

        assertThat(IntStream.range(0, 6).filter(i -> cache.get("k" + i).isPresent()))
                .containsExactly(1, 3, 5);
    }

    @Test
    void computeIsAtomicUnderContention() throws InterruptedException {
        BoundedCache<String, Integer> cache = caches().bounded("contract", 10, Optional.of(Duration.ofMinutes(5)));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        IntStream.range(0, 8_000)
                .forEach(i -> pool.execute(() -> cache.compute("n", (key, old) -> old == null ? 1 : old + 1)));
        pool.shutdown();
        assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

        assertThat(cache.get("n")).contains(8_000);
        assertThat(cache.compute("n", (key, old) -> null)).isNull();
        assertThat(cache.get("n")).isEmpty();
    }

    @Test
    void neverHoldsMoreThanItsBound() {
        BoundedCache<Integer, Integer> cache = caches().bounded("contract", 100, Optional.empty());

        IntStream.range(0, 10_000).forEach(i -> cache.put(i, i));
        settle(cache);

        assertThat(cache.size()).isLessThanOrEqualTo(100);
    }
}
