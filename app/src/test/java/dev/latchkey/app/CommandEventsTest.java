package dev.latchkey.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.latchkey.domain.auth.events.CredentialEvent;
import dev.latchkey.redis.RedisCredentialEvents;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A change made from the command line reaches the running instances at once, as one made through the
 * API does: the command publishes its credential events on the server's Redis channel (the instance
 * here is a subscriber on the same Redis and namespace, as a running server is).
 */
class CommandEventsTest {
    private static final String REDIS = System.getenv().getOrDefault("LATCHKEY_TEST_REDIS", "127.0.0.1:6379");

    @TempDir
    Path dir;

    @Test
    void bindingAnOrganizationFromTheCommandLineIsHeardByTheRunningInstances() throws Exception {
        String namespace = "latchkey-test-" + UUID.randomUUID() + ":";
        List<CredentialEvent> heard = new CopyOnWriteArrayList<>();
        String[] hostAndPort = REDIS.split(":");
        try (RedisCredentialEvents instance = new RedisCredentialEvents(
                hostAndPort[0], Integer.parseInt(hostAndPort[1]), namespace, Duration.ofSeconds(1), heard::add)) {
            await().atMost(Duration.ofSeconds(10)).until(instance::isListening);
            OperatorCommandLine command = new OperatorCommandLine(
                    dir,
                    "latchkey",
                    "usageCounters:\n  redisUrl: redis://" + REDIS + "\n  namespace: \"" + namespace + "\"\n");
            Optional<Throwable> created = command.run("workspace", "create", "--name", "Acme Tattoo");
            assertThat(created).as(command.errors()).isEmpty();
            String tenant = command.json().get("workspace_id");

            Optional<Throwable> bound =
                    command.run("actors", "bind", "--tenant", tenant, "--organization", "org_01EVENTS");

            assertThat(bound).as(command.errors()).isEmpty();
            await().atMost(Duration.ofSeconds(5))
                    .untilAsserted(() -> assertThat(heard)
                            .contains(new CredentialEvent.WorkspacesChanged(java.util.Set.of(tenant))));
        }
    }
}
