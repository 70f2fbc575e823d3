package dev.latchkey.cache;

import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.RatioGauge;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.stats.CacheStats;
import dev.latchkey.domain.auth.VerificationCache;
import dev.latchkey.domain.common.BoundedCache;
import dev.latchkey.domain.common.Caches;
import io.dropwizard.metrics.caffeine3.MetricsStatsCounter;
import java.time.Duration;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Every cache Latchkey keeps, on Caffeine: W-TinyLFU eviction in constant time, and statistics
 * through metrics-caffeine3 ({@code <prefix>.hits}, {@code .misses}, {@code .evictions}) plus a
 * {@code .hit_ratio} gauge. Generic caches report under {@code latchkey.cache.<name>}, verification
 * caches under {@code latchkey.verification_cache.<name>}.
 */
public final class CaffeineCaches implements Caches {
    private final MetricRegistry metrics;

    public CaffeineCaches(MetricRegistry metrics) {
        this.metrics = metrics;
    }

    @Override
    public <K, V> BoundedCache<K, V> bounded(String name, int maxEntries, Optional<Duration> expireAfterWrite) {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be positive");
        }
        String prefix = MetricRegistry.name("latchkey.cache", name);
        Caffeine<Object, Object> builder =
                Caffeine.newBuilder().maximumSize(maxEntries).recordStats(stats(prefix));
        expireAfterWrite.ifPresent(builder::expireAfterWrite);
        Cache<K, V> cache = builder.build();
        ratio(prefix, cache::stats);
        return new Bounded<>(cache);
    }

    /** A verification cache reporting as {@code latchkey.verification_cache.<name>}. */
    public VerificationCache verifications(String name, int maxEntries) {
        String prefix = MetricRegistry.name("latchkey.verification_cache", name);
        CaffeineVerificationCache cache = new CaffeineVerificationCache(maxEntries, stats(prefix));
        ratio(prefix, cache::stats);
        return cache;
    }

    private Supplier<MetricsStatsCounter> stats(String prefix) {
        return () -> new MetricsStatsCounter(metrics, prefix);
    }

    /** Registered once per name: two caches of one name (two apps in one test JVM) share their meters. */
    private void ratio(String prefix, Supplier<CacheStats> stats) {
        String name = MetricRegistry.name(prefix, "hit_ratio");
        if (!metrics.getGauges().containsKey(name)) {
            metrics.register(name, new RatioGauge() {
                @Override
                protected Ratio getRatio() {
                    CacheStats now = stats.get();
                    return Ratio.of(now.hitCount(), now.requestCount());
                }
            });
        }
    }

    private record Bounded<K, V>(Cache<K, V> cache) implements BoundedCache<K, V> {
        @Override
        public Optional<V> get(K key) {
            return Optional.ofNullable(cache.getIfPresent(key));
        }

        @Override
        public boolean contains(K key) {
            return cache.asMap().containsKey(key);
        }

        @Override
        public void put(K key, V value) {
            cache.put(key, value);
        }

        @Override
        public V compute(K key, BiFunction<? super K, ? super V, ? extends V> remapping) {
            return cache.asMap().compute(key, remapping);
        }

        @Override
        public void remove(K key) {
            cache.invalidate(key);
        }

        @Override
        public void removeIf(Predicate<? super V> stale) {
            cache.asMap().values().removeIf(stale);
        }

        @Override
        public long size() {
            cache.cleanUp();
            return cache.estimatedSize();
        }
    }
}
