package dev.latchkey.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.domain.testing.MutableClock;
import dev.latchkey.domain.testing.contract.UsageCountersContract;
import dev.latchkey.domain.usage.UsageCounters;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The Redis counters against the machine's Redis (LATCHKEY_TEST_REDIS, default 127.0.0.1:6379):
 * the usage-counter contract, a budget shared by two instances, and the fallback while Redis is down.
 */
class RedisUsageCountersTest {
    private static RedisUsageCounters shared;

    static RedisUsageCounters connect(String hostAndPort, Clock clock) {
        String[] parts = hostAndPort.split(":");
        return new RedisUsageCounters(
                parts[0],
                Integer.parseInt(parts[1]),
                "latchkey-test:",
                Duration.ofMillis(500),
                Duration.ofSeconds(5),
                clock);
    }

    static String redisAddress() {
        return System.getenv().getOrDefault("LATCHKEY_TEST_REDIS", "127.0.0.1:6379");
    }

    @BeforeAll
    static void requireRedis() {
        shared = connect(redisAddress(), Clock.systemUTC());
        assertThat(shared.ping())
                .as("Redis must be running at " + redisAddress() + " (.ci/run starts it)")
                .isTrue();
    }

    @AfterAll
    static void close() {
        shared.close();
    }

    @Nested
    class Contract extends UsageCountersContract {
        @Override
        protected UsageCounters counters() {
            return shared;
        }
    }

    @Test
    void twoInstancesDrawOnOneBudget() {
        try (RedisUsageCounters a = connect(redisAddress(), Clock.systemUTC());
                RedisUsageCounters b = connect(redisAddress(), Clock.systemUTC())) {
            String bucket = "rate:ws_shared_" + System.nanoTime();
            Instant now = Instant.now();
            int allowed = 0;
            for (int i = 0; i < 10; i++) {
                if ((i % 2 == 0 ? a : b).takeToken(bucket, 6, 1, now).allowed()) {
                    allowed++;
                }
            }
            assertThat(allowed).as("six tokens between the two, not six each").isEqualTo(6);
        }
    }

    @Test
    void whileRedisIsDownEachInstanceEnforcesTheBudgetItselfAndRetriesLater() {
        MutableClock clock = new MutableClock(Instant.now());
        try (RedisUsageCounters unreachable = connect("127.0.0.1:1", clock)) {
            Instant now = clock.instant();
            assertThat(unreachable.takeToken("rate:ws_down", 2, 1, now).allowed())
                    .isTrue();
            assertThat(unreachable.isAvailable()).isFalse();
            assertThat(unreachable.takeToken("rate:ws_down", 2, 1, now).allowed())
                    .isTrue();
            assertThat(unreachable.takeToken("rate:ws_down", 2, 1, now).allowed())
                    .as("the per-instance fallback still limits")
                    .isFalse();
            assertThat(unreachable.increment("usage:ws_down", now, now.plusSeconds(60)))
                    .isEqualTo(1);
            clock.advance(Duration.ofSeconds(4));
            assertThat(unreachable.isAvailable()).as("still pausing").isFalse();
            clock.advance(Duration.ofSeconds(1).plusMillis(1));
            assertThat(unreachable.isAvailable())
                    .as("tries Redis again after the pause")
                    .isTrue();
        }
    }
}
