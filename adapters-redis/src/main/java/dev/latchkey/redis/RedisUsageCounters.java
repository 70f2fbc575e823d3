package dev.latchkey.redis;

import dev.latchkey.domain.usage.InMemoryUsageCounters;
import dev.latchkey.domain.usage.UsageCounters;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.exceptions.JedisNoScriptException;

/**
 * Rate buckets and usage counts in Redis, so every Latchkey instance draws on one budget per
 * workspace. Each operation is one Lua script, atomic on the server: one round trip per decision.
 *
 * <p>When Redis cannot be reached the counters <em>fail open to per-instance limits</em>: each
 * instance falls back to its own in-memory counters (the same budget, enforced per instance)
 * instead of refusing every caller (an outage of a cache must not become an outage of every API
 * behind Latchkey) or admitting unlimited traffic. After a failure Redis is left alone for
 * {@code retryAfter} so that callers do not each wait out a timeout: a resilience4j circuit breaker
 * (the same vocabulary, metrics and states as the identity providers' breakers) that one failure
 * opens, and one trial call closes again. {@link #isAvailable()} feeds a health check meanwhile.
 */
public final class RedisUsageCounters implements UsageCounters, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RedisUsageCounters.class);

    /** KEYS[1] bucket; ARGV burst, per minute, now (µs). Returns {allowed, whole tokens left, µs to next}. */
    private static final String TAKE_TOKEN = """
            local burst = tonumber(ARGV[1])
            local perMicro = tonumber(ARGV[2]) / 60000000
            local now = tonumber(ARGV[3])
            local state = redis.call('HMGET', KEYS[1], 't', 'at')
            local tokens = tonumber(state[1])
            local at = tonumber(state[2])
            if tokens == nil then tokens = burst; at = now end
            local elapsed = now - at
            if elapsed < 0 then elapsed = 0 end
            tokens = math.min(burst, tokens + elapsed * perMicro)
            local allowed = 0
            if tokens >= 1 then allowed = 1; tokens = tokens - 1 end
            local wait = 0
            if tokens < 1 then wait = math.ceil((1 - tokens) / perMicro) end
            if at > now then now = at end
            redis.call('HSET', KEYS[1], 't', tostring(tokens), 'at', tostring(now))
            redis.call('PEXPIRE', KEYS[1], math.ceil(burst / perMicro / 1000) + 60000)
            return {allowed, math.floor(tokens), wait}
            """;

    /** KEYS[1] counter; ARGV expiry (epoch ms). Returns the new count. */
    private static final String INCREMENT = """
            local count = redis.call('INCR', KEYS[1])
            if count == 1 then redis.call('PEXPIREAT', KEYS[1], ARGV[1]) end
            return count
            """;

    private final RedisClient redis;
    private final String namespace;
    private final UsageCounters fallback = new InMemoryUsageCounters();
    private final CircuitBreaker breaker;
    private volatile String takeTokenSha;
    private volatile String incrementSha;

    /**
     * @param namespace prefixes every key, so several deployments can share one Redis
     * @param timeout for connecting and for each command; keep it short, it is on the decision path
     */
    public RedisUsageCounters(
            String host, int port, String namespace, Duration timeout, Duration retryAfter, Clock clock) {
        this.redis = RedisClient.builder()
                .hostAndPort(new HostAndPort(host, port))
                .clientConfig(DefaultJedisClientConfig.builder()
                        .connectionTimeoutMillis((int) timeout.toMillis())
                        .socketTimeoutMillis((int) timeout.toMillis())
                        .build())
                .build();
        this.namespace = namespace;
        // One failed command opens it: each further attempt would cost a caller the whole timeout.
        this.breaker = CircuitBreaker.of(
                "redis-usage-counters",
                CircuitBreakerConfig.custom()
                        .slidingWindow(1, 1, CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                        .failureRateThreshold(100)
                        .waitDurationInOpenState(retryAfter)
                        .permittedNumberOfCallsInHalfOpenState(1)
                        .recordExceptions(JedisException.class)
                        .clock(clock)
                        .build());
        breaker.getEventPublisher().onStateTransition(event -> {
            if (event.getStateTransition().getToState() == CircuitBreaker.State.OPEN) {
                LOG.warn(
                        "Redis usage counters unreachable; enforcing limits per instance for {}s",
                        retryAfter.toSeconds());
            }
        });
    }

    /** The breaker in front of Redis, for metrics. */
    public CircuitBreaker circuitBreaker() {
        return breaker;
    }

    @Override
    public Take takeToken(String key, int burst, int perMinute, Instant now) {
        return guarded(
                () -> {
                    List<?> result = (List<?>) run(
                            TAKE_TOKEN,
                            Script.TAKE_TOKEN,
                            namespace + key,
                            Integer.toString(burst),
                            Integer.toString(perMinute),
                            Long.toString(micros(now)));
                    long wait = ((Number) result.get(2)).longValue();
                    return new Take(
                            ((Number) result.get(0)).longValue() == 1,
                            ((Number) result.get(1)).longValue(),
                            now.plus(wait, ChronoUnit.MICROS));
                },
                () -> fallback.takeToken(key, burst, perMinute, now));
    }

    @Override
    public long increment(String key, Instant now, Instant expiresAt) {
        return guarded(
                () -> ((Number) run(
                                INCREMENT, Script.INCREMENT, namespace + key, Long.toString(expiresAt.toEpochMilli())))
                        .longValue(),
                () -> fallback.increment(key, now, expiresAt));
    }

    @Override
    public long read(String key, Instant now) {
        return guarded(
                () -> {
                    String value = redis.get(namespace + key);
                    return value == null ? 0L : Long.parseLong(value);
                },
                () -> fallback.read(key, now));
    }

    /** Redis when the breaker lets the call through, else (and on a failure) this instance's counters. */
    private <T> T guarded(Supplier<T> call, Supplier<T> perInstance) {
        if (!breaker.tryAcquirePermission()) {
            return perInstance.get();
        }
        long start = System.nanoTime();
        try {
            T answer = call.get();
            breaker.onSuccess(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            return answer;
        } catch (JedisException e) {
            breaker.onError(System.nanoTime() - start, TimeUnit.NANOSECONDS, e);
            return perInstance.get();
        }
    }

    /** False while Redis is believed unreachable (the breaker is open: a call failed less than {@code retryAfter} ago). */
    public boolean isAvailable() {
        if (breaker.getState() != CircuitBreaker.State.OPEN) {
            return true;
        }
        // Past the pause the breaker moves to half-open on the next permission asked; give that one back.
        if (breaker.tryAcquirePermission()) {
            breaker.releasePermission();
            return true;
        }
        return false;
    }

    /** Asks Redis directly, for health checks. */
    public boolean ping() {
        try {
            return "PONG".equalsIgnoreCase(redis.ping());
        } catch (JedisException e) {
            return false;
        }
    }

    @Override
    public void close() {
        redis.close();
    }

    private enum Script {
        TAKE_TOKEN,
        INCREMENT
    }

    /** EVALSHA, loading the script once per connection lifetime of the server (it may restart empty). */
    private Object run(String source, Script script, String key, String... args) {
        String sha = script == Script.TAKE_TOKEN ? takeTokenSha : incrementSha;
        if (sha != null) {
            try {
                return redis.evalsha(sha, List.of(key), List.of(args));
            } catch (JedisNoScriptException e) {
                // Redis restarted and forgot it: load it again below.
            }
        }
        sha = redis.scriptLoad(source);
        if (script == Script.TAKE_TOKEN) {
            takeTokenSha = sha;
        } else {
            incrementSha = sha;
        }
        return redis.evalsha(sha, List.of(key), List.of(args));
    }

    private static long micros(Instant instant) {
        return instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1_000;
    }
}
