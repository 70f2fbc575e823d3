package dev.latchkey.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.app.config.LatchkeyConfiguration;
import dev.latchkey.domain.workspace.lifecycle.CreateWorkspace;
import dev.latchkey.persistence.testing.TestDatabases;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.DropwizardTestSupport;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two Latchkey instances behind one load balancer, sharing a PostgreSQL database and the machine's
 * Redis (docs/deployment.md): a workspace's usage cap is one budget across both, and a key revoked
 * through one instance stops working at the other at once — the revocation reaches it through Redis,
 * long before its cached verification would be revalidated.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class TwoInstancesHttpTest {
    private static final TestDatabases.Database DATABASE = TestDatabases.postgres();
    private static final String NAMESPACE = "latchkey-test-" + UUID.randomUUID() + ":";
    /** Far longer than the test: only the shared credential event can end the other's cached verification. */
    private static final Duration REVALIDATE_AFTER = Duration.ofHours(1);

    static final DropwizardAppExtension<LatchkeyConfiguration> FIRST = TestApps.onDatabase(DATABASE, shared());
    private static DropwizardTestSupport<LatchkeyConfiguration> second;

    @BeforeAll
    static void startSecondInstance() throws Exception {
        second = TestApps.anotherInstance(DATABASE, shared());
        second.before();
    }

    @AfterAll
    static void stopSecondInstance() {
        second.after();
    }

    /** Fresh override objects per instance: each remembers the value it replaced, so sharing them would leak. */
    private static ConfigOverride[] shared() {
        return new ConfigOverride[] {
            ConfigOverride.config(
                    "usageCounters.redisUrl",
                    "redis://" + System.getenv().getOrDefault("LATCHKEY_TEST_REDIS", "127.0.0.1:6379")),
            ConfigOverride.config("usageCounters.namespace", NAMESPACE),
            ConfigOverride.config("plans.default.usageCap", "4"),
            ConfigOverride.config("apiKeys.revalidateAfter", REVALIDATE_AFTER.toMinutes() + "m"),
        };
    }

    private static Reply whoami(int port, String key) {
        return TestApps.call(port, "GET", "/whoami", key);
    }

    @Test
    void aWorkspacesCapIsSpentAcrossBothInstances() {
        CreateWorkspace.Created workspace = TestApps.createWorkspace(FIRST, "shared");
        String key = workspace.firstKey().secret().value();

        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            statuses.add(whoami(i % 2 == 0 ? FIRST.getLocalPort() : second.getLocalPort(), key)
                    .status());
        }
        assertThat(statuses)
                .as("four metered requests in all, whichever instance answers")
                .containsExactly(200, 200, 200, 200, 429, 429);
        Reply.assertProblem(whoami(second.getLocalPort(), key), 429, "usage_cap_exceeded");

        Reply health = Reply.of(TestApps.admin(FIRST, "/healthcheck").get());
        assertThat(health.body()).containsKey("usage-counters");
    }

    @Test
    void aKeyRevokedThroughOneInstanceFailsAtTheOtherAtOnce() {
        CreateWorkspace.Created workspace = TestApps.createWorkspace(FIRST, "revocation");
        String root = workspace.firstKey().secret().value();
        Reply created = Reply.of(TestApps.request(FIRST, "/api-keys")
                .header("Authorization", "Bearer " + root)
                .post(jakarta.ws.rs.client.Entity.json(java.util.Map.of("name", "agent"))));
        String agent = created.string("key");
        assertThat(whoami(second.getLocalPort(), agent).status())
                .as("verified and cached there")
                .isEqualTo(200);

        assertThat(TestApps.call(FIRST, "DELETE", "/api-keys/" + created.string("id"), root, null)
                        .status())
                .isEqualTo(204);
        Reply.assertProblem(whoami(FIRST.getLocalPort(), agent), 401, "invalid_api_key");

        // The other instance hears of it through Redis: no waiting for its hour-long revalidation.
        org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(2))
                .pollInterval(Duration.ofMillis(25))
                .until(() -> whoami(second.getLocalPort(), agent).status() == 401);
        Reply.assertProblem(whoami(second.getLocalPort(), agent), 401, "invalid_api_key");
    }
}
