package dev.latchkey.domain.usage;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Buckets and counters in this process — the default, needing nothing outside the JDK. Right for one
 * instance; with several, each enforces the whole budget on its own share of the traffic.
 */
public final class InMemoryUsageCounters implements UsageCounters {
    private record Bucket(double tokens, Instant at) {}

    private record Counter(long count, Instant expiresAt) {}

    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Counter> counters = new ConcurrentHashMap<>();

    @Override
    public Take takeToken(String key, int burst, int perMinute, Instant now) {
        double perNano = perMinute / 60e9;
        Take[] result = new Take[1];
        buckets.compute(key, (k, old) -> {
            double tokens = old == null
                    ? burst
                    : Math.min(
                            burst,
                            old.tokens() + Duration.between(old.at(), now).toNanos() * perNano);
            boolean allowed = tokens >= 1;
            double left = allowed ? tokens - 1 : tokens;
            long nanosToNext = left >= 1 ? 0 : (long) Math.ceil((1 - left) / perNano);
            result[0] = new Take(allowed, (long) Math.floor(left), now.plusNanos(nanosToNext));
            return new Bucket(left, now);
        });
        return result[0];
    }

    @Override
    public long read(String key, Instant now) {
        Counter counter = counters.get(key);
        return counter == null || !now.isBefore(counter.expiresAt()) ? 0 : counter.count();
    }

    @Override
    public long increment(String key, Instant now, Instant expiresAt) {
        if (counters.size() > 100_000) {
            counters.values().removeIf(c -> c.expiresAt().isBefore(now));
        }
        return counters.merge(key, new Counter(1, expiresAt), (a, b) -> new Counter(a.count() + 1, a.expiresAt()))
                .count();
    }
}
