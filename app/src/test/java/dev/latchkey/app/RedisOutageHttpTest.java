package dev.latchkey.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.latchkey.app.config.LatchkeyConfiguration;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import redis.clients.jedis.RedisClient;

/**
 * The shared Redis counters go away under load (a relay cuts every connection) and come back:
 * decisions go on (limits fall back to each instance's own memory, as docs/deployment.md says),
 * nobody waits on the dead connection, health turns red meanwhile, and the counters return to
 * Redis by themselves.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class RedisOutageHttpTest {
    private static final String REDIS = System.getenv().getOrDefault("LATCHKEY_TEST_REDIS", "127.0.0.1:6379");
    private static final String NAMESPACE = "latchkey-outage-" + UUID.randomUUID() + ":";
    private static final TcpProxy PROXY = new TcpProxy(
            REDIS.substring(0, REDIS.lastIndexOf(':')), Integer.parseInt(REDIS.substring(REDIS.lastIndexOf(':') + 1)));
    private static final RedisClient DIRECT = RedisClient.create("redis://" + REDIS);
    static final DropwizardAppExtension<LatchkeyConfiguration> APP = TestApps.onH2(
            ConfigOverride.config("usageCounters.redisUrl", "redis://127.0.0.1:" + PROXY.port()),
            ConfigOverride.config("usageCounters.namespace", NAMESPACE),
            ConfigOverride.config("usageCounters.retryAfter", "1s"),
            ConfigOverride.config("plans.default.requestsPerMinute", "60000000"),
            ConfigOverride.config("plans.default.burst", "10000000"));

    @AfterAll
    static void cleanUp() {
        PROXY.close();
        DIRECT.keys(NAMESPACE + "*").forEach(DIRECT::del);
        DIRECT.close();
    }

    @Test
    void midLoadARedisOutageChangesNoDecisionAndTheCountersReturnToRedis() throws InterruptedException {
        String key = TestApps.createWorkspace(APP, "redis-outage")
                .firstKey()
                .secret()
                .value();
        SteadyLoad.Tally before;
        SteadyLoad.Tally during;
        SteadyLoad.Tally after;
        String healthDuring;
        try (SteadyLoad load =
                new SteadyLoad(APP.getLocalPort(), 3, SteadyLoad.Kind.bearer("metered", "/whoami", key))) {
            before = load.run(Duration.ofSeconds(1));
            assertThat(countersInRedis()).as("the budget is kept in Redis").isNotEmpty();

            PROXY.cut();
            try {
                during = load.run(Duration.ofSeconds(3));
                healthDuring = usageCountersHealth();
                DIRECT.keys(NAMESPACE + "*").forEach(DIRECT::del);
                load.run(Duration.ofMillis(500));
                assertThat(countersInRedis())
                        .as("nothing reaches Redis while it is cut off")
                        .isEmpty();
            } finally {
                PROXY.restore();
            }
            awaitCountersInRedis();
            after = load.run(Duration.ofSeconds(1));
        }

        assertThat(before.of("metered").statuses()).as(before.toString()).containsOnlyKeys(200);
        assertThat(during.of("metered").statuses())
                .as("fail open to per-instance limits: " + during)
                .containsOnlyKeys(200);
        assertThat(during.of("metered").total()).as("decisions went on").isGreaterThan(10);
        assertThat(during.of("metered").slowest())
                .as("nobody waits out a dead connection for long")
                .isLessThan(Duration.ofSeconds(2));
        assertThat(healthDuring).contains("healthy=false");
        assertThat(after.of("metered").statuses()).as(after.toString()).containsOnlyKeys(200);
        assertThat(usageCountersHealth()).contains("healthy=true");
    }

    private static Set<String> countersInRedis() {
        return DIRECT.keys(NAMESPACE + "*");
    }

    private static void awaitCountersInRedis() throws InterruptedException {
        await("Redis is back, so the counters return to it")
                .atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> !countersInRedis().isEmpty());
    }

    private static String usageCountersHealth() {
        return String.valueOf(
                Reply.of(TestApps.admin(APP, "/healthcheck").get()).body().get("usage-counters"));
    }
}
