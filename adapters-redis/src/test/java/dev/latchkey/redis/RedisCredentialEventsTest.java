package dev.latchkey.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.domain.auth.events.CredentialEvent;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;

/** Credential events through the machine's Redis, between two instances, as each instance sees them. */
class RedisCredentialEventsTest {
    private final String namespace = "latchkey-test-" + UUID.randomUUID() + ":";
    private final String[] address = RedisUsageCountersTest.redisAddress().split(":");

    private RedisCredentialEvents instance(List<CredentialEvent> heard) {
        return new RedisCredentialEvents(
                address[0], Integer.parseInt(address[1]), namespace, Duration.ofMillis(500), heard::add);
    }

    private static void awaitSubscribed(RedisCredentialEvents... instances) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!java.util.Arrays.stream(instances).allMatch(RedisCredentialEvents::isListening)) {
            assertThat(System.nanoTime()).as("subscribed within 5 s").isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    private static void awaitHeard(List<CredentialEvent> heard, int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (heard.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }

    @Test
    void anEventPublishedByOneInstanceIsActedOnHereAtOnceAndThereOnceItArrives() throws Exception {
        List<CredentialEvent> first = new CopyOnWriteArrayList<>();
        List<CredentialEvent> second = new CopyOnWriteArrayList<>();
        try (RedisCredentialEvents a = instance(first);
                RedisCredentialEvents b = instance(second)) {
            awaitSubscribed(a, b);

            a.publish(new CredentialEvent.CredentialChanged("key_abc"));
            a.publish(new CredentialEvent.WorkspacesChanged(Set.of("ws_1", "ws_2")));
            awaitHeard(second, 2);

            assertThat(second)
                    .containsExactly(
                            new CredentialEvent.CredentialChanged("key_abc"),
                            new CredentialEvent.WorkspacesChanged(Set.of("ws_1", "ws_2")));
            Thread.sleep(200); // an echo of its own would have arrived by now
            assertThat(first)
                    .as("acted on once, not again when Redis echoes it")
                    .hasSize(2);
        }
    }

    @Test
    void whatIsNotOneOfOurMessagesIsIgnored() throws Exception {
        List<CredentialEvent> heard = new CopyOnWriteArrayList<>();
        try (RedisCredentialEvents events = instance(heard);
                RedisClient stranger = RedisClient.create("redis://" + RedisUsageCountersTest.redisAddress())) {
            awaitSubscribed(events);

            stranger.publish(namespace + "credential-events", "someone changed:key_1:extra");
            stranger.publish(namespace + "credential-events", "someone actor:<script>");
            stranger.publish(namespace + "credential-events", "no-space-here");
            stranger.publish(namespace + "credential-events", "someone actor:usr_real");
            awaitHeard(heard, 1);

            assertThat(heard).containsExactly(new CredentialEvent.ActorChanged("usr_real"));
        }
    }

    @Test
    void everyEventSurvivesTheWireAndAnIdItCannotCarryIsRefusedBeforeSending() {
        List<CredentialEvent> events = List.of(
                new CredentialEvent.CredentialChanged("key_1"),
                new CredentialEvent.GrantRevoked("grt_1"),
                new CredentialEvent.SignedOutEverywhere("usr_1"),
                new CredentialEvent.ActorChanged("wl_1"),
                new CredentialEvent.MembershipChanged("usr_1", "ws_1"),
                new CredentialEvent.MappingChanged("act_1", "ws_1"),
                new CredentialEvent.WorkspacesChanged(Set.of("ws_1")));
        for (CredentialEvent event : events) {
            assertThat(CredentialEventCodec.decode(CredentialEventCodec.encode(event)))
                    .contains(event);
        }
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> CredentialEventCodec.encode(new CredentialEvent.ActorChanged("a:b")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void whileRedisCannotBeReachedAnEventIsStillActedOnHere() {
        List<CredentialEvent> heard = new CopyOnWriteArrayList<>();
        try (RedisCredentialEvents unreachable =
                new RedisCredentialEvents("127.0.0.1", 1, namespace, Duration.ofMillis(200), heard::add)) {
            unreachable.publish(new CredentialEvent.ActorChanged("usr_1"));

            assertThat(heard).containsExactly(new CredentialEvent.ActorChanged("usr_1"));
            assertThat(unreachable.isListening()).isFalse();
        }
    }
}
