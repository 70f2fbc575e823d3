package dev.latchkey.domain.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.domain.common.SecretSealer;
import dev.latchkey.domain.testing.InMemoryWebhookStore;
import dev.latchkey.domain.testing.MutableClock;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Delivery over time: signed attempts, retried on the schedule, given up after the last. */
class DeliverWebhooksTest {
    private static final byte[] KEY =
            "0123456789abcdef0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    /** Seals by base64 with the context in front: enough to prove the right record's secret is opened. */
    static final SecretSealer SEALER = new SecretSealer() {
        @Override
        public String seal(byte[] secret, String context) {
            return context + ":" + Base64.getEncoder().encodeToString(secret);
        }

        @Override
        public byte[] open(String sealed, String context) {
            if (!sealed.startsWith(context + ":")) {
                throw new IllegalStateException("sealed for another record");
            }
            return Base64.getDecoder().decode(sealed.substring(context.length() + 1));
        }
    };

    /** A receiver answering from a script: a status, or no answer at all (-1). */
    static class ScriptedReceiver implements WebhookSender {
        final Deque<Integer> answers = new ArrayDeque<>();
        final List<Map<String, String>> headers = new ArrayList<>();
        final List<String> bodies = new ArrayList<>();

        @Override
        public int post(URI url, Map<String, String> sent, String body) {
            headers.add(sent);
            bodies.add(body);
            int answer = answers.isEmpty() ? 200 : answers.poll();
            if (answer < 0) {
                throw new WebhookUnreachable("no answer within 5000 ms");
            }
            return answer;
        }

        @Override
        public Optional<String> refuses(URI url) {
            return Optional.empty();
        }
    }

    private final MutableClock clock = MutableClock.startingAt("2026-12-01T12:00:00Z");
    private final InMemoryWebhookStore store = new InMemoryWebhookStore();
    private final ScriptedReceiver receiver = new ScriptedReceiver();
    private final DeliverWebhooks deliver = new DeliverWebhooks(
            store, receiver, SEALER, new RetrySchedule(Duration.ofSeconds(5), 4), Duration.ofSeconds(15), clock);
    private final WebhookEndpoint endpoint = new WebhookEndpoint(
            "whk_1",
            "ws_1",
            "https://hooks.example.com/in",
            SEALER.seal(KEY, "whk_1"),
            Set.of(WebhookEvents.APPROVAL_REQUESTED),
            clock.instant(),
            "usr_1");
    private final WebhookOutbox outbox = new WebhookOutbox(store, prefix -> prefix + "_1", clock);

    DeliverWebhooksTest() {
        store.insertEndpoint(endpoint);
    }

    private WebhookDelivery theDelivery() {
        return store.deliveriesOf("whk_1", 10).get(0);
    }

    @Test
    void anEventIsSentOnceSignedOverItsIdTimestampAndBody() {
        outbox.publish("ws_1", WebhookEvents.APPROVAL_REQUESTED, Map.of("approval_id", "apr_1"));

        assertThat(deliver.deliverDue()).isEqualTo(1);
        assertThat(deliver.deliverDue()).as("delivered: not sent again").isZero();

        Map<String, String> sent = receiver.headers.get(0);
        String body = receiver.bodies.get(0);
        assertThat(body)
                .isEqualTo("{\"type\":\"approval.requested\",\"timestamp\":\"2026-12-01T12:00:00Z\","
                        + "\"data\":{\"approval_id\":\"apr_1\"}}");
        assertThat(sent).containsEntry("webhook-id", "msg_1").containsEntry("webhook-timestamp", "1796126400");
        assertThat(sent.get("webhook-signature"))
                .isEqualTo("v1," + WebhookSignature.sign("msg_1", 1796126400L, body, KEY));
        assertThat(theDelivery().status()).isEqualTo(WebhookDelivery.Status.DELIVERED);
        assertThat(theDelivery().lastStatus()).contains(200);
    }

    @Test
    void aFailedAttemptIsRetriedOnTheScheduleWithTheSameIdAndBody() {
        receiver.answers.addAll(List.of(503, -1, 204));
        outbox.publish("ws_1", WebhookEvents.APPROVAL_REQUESTED, Map.of("approval_id", "apr_1"));

        assertThat(deliver.deliverDue()).isEqualTo(1);
        assertThat(theDelivery().lastError()).contains("HTTP 503");
        clock.advance(Duration.ofSeconds(4));
        assertThat(deliver.deliverDue()).as("not due before 5 s").isZero();
        clock.advance(Duration.ofSeconds(1));
        assertThat(deliver.deliverDue()).isEqualTo(1);
        assertThat(theDelivery().lastError()).contains("no answer within 5000 ms");
        assertThat(theDelivery().lastStatus()).isEmpty();
        clock.advance(Duration.ofSeconds(19));
        assertThat(deliver.deliverDue()).as("then 20 s").isZero();
        clock.advance(Duration.ofSeconds(1));
        assertThat(deliver.deliverDue()).isEqualTo(1);

        WebhookDelivery delivered = theDelivery();
        assertThat(delivered.status()).isEqualTo(WebhookDelivery.Status.DELIVERED);
        assertThat(delivered.attempts()).isEqualTo(3);
        assertThat(receiver.headers).extracting(h -> h.get("webhook-id")).containsOnly("msg_1");
        assertThat(receiver.bodies).containsOnly(receiver.bodies.get(0));
        assertThat(receiver.headers.get(2).get("webhook-timestamp"))
                .as("signed afresh at each attempt")
                .isEqualTo(Long.toString(clock.instant().getEpochSecond()));
    }

    @Test
    void afterTheLastAllowedAttemptTheDeliveryFails() {
        receiver.answers.addAll(List.of(500, 500, 500, 500, 200));
        outbox.publish("ws_1", WebhookEvents.APPROVAL_REQUESTED, Map.of());

        for (int i = 0; i < 10; i++) {
            deliver.deliverDue();
            clock.advance(Duration.ofHours(1));
        }

        assertThat(theDelivery().status()).isEqualTo(WebhookDelivery.Status.FAILED);
        assertThat(theDelivery().attempts()).isEqualTo(4);
        assertThat(receiver.bodies).hasSize(4);
    }

    @Test
    void aSecretThatNoLongerOpensFailsTheAttemptInsteadOfRetryingItForever() {
        store.insertEndpoint(new WebhookEndpoint(
                "whk_9",
                "ws_9",
                "https://hooks.example.com/in",
                "sealed with another key",
                Set.of(WebhookEvents.APPROVAL_REQUESTED),
                clock.instant(),
                "usr_1"));
        outbox.publish("ws_9", WebhookEvents.APPROVAL_REQUESTED, Map.of());

        for (int i = 0; i < 6; i++) {
            deliver.deliverDue();
            clock.advance(Duration.ofHours(1));
        }

        WebhookDelivery failed = store.deliveriesOf("whk_9", 10).get(0);
        assertThat(failed.status()).isEqualTo(WebhookDelivery.Status.FAILED);
        assertThat(failed.lastError().orElseThrow()).contains("signing secret cannot be opened");
        assertThat(receiver.bodies).as("nothing unsigned went out").isEmpty();
    }

    @Test
    void aReceiverThatStallsHoldsOneThreadNotTheOthersDeliveries() throws Exception {
        java.util.concurrent.CountDownLatch fastArrived = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.atomic.AtomicBoolean fastWhileSlowWaited = new java.util.concurrent.atomic.AtomicBoolean();
        WebhookSender receivers = new ScriptedReceiver() {
            @Override
            public int post(URI url, Map<String, String> sent, String body) {
                if (url.getHost().startsWith("slow")) {
                    try {
                        fastWhileSlowWaited.set(fastArrived.await(5, java.util.concurrent.TimeUnit.SECONDS));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                } else {
                    fastArrived.countDown();
                }
                return 204;
            }
        };
        InMemoryWebhookStore two = new InMemoryWebhookStore();
        for (String host : List.of("slow", "fast")) {
            two.insertEndpoint(new WebhookEndpoint(
                    "whk_" + host,
                    "ws_" + host,
                    "https://" + host + ".example.com/in",
                    SEALER.seal(KEY, "whk_" + host),
                    Set.of(WebhookEvents.APPROVAL_REQUESTED),
                    clock.instant(),
                    "usr_1"));
        }
        WebhookOutbox publisher = new WebhookOutbox(
                two, new dev.latchkey.domain.common.RandomIdGenerator(new java.security.SecureRandom()), clock);
        publisher.publish("ws_slow", WebhookEvents.APPROVAL_REQUESTED, Map.of());
        clock.advance(Duration.ofMillis(1));
        publisher.publish("ws_fast", WebhookEvents.APPROVAL_REQUESTED, Map.of());
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            int attempted = new DeliverWebhooks(
                            two, receivers, SEALER, RetrySchedule.defaults(), Duration.ofSeconds(15), clock)
                    .deliverDue(pool);

            assertThat(attempted).isEqualTo(2);
            assertThat(fastWhileSlowWaited)
                    .as("the fast receiver got its event while the slow one stalled")
                    .isTrue();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void onlyEndpointsOfTheWorkspaceThatWantTheEventGetIt() {
        store.insertEndpoint(new WebhookEndpoint(
                "whk_2",
                "ws_1",
                "https://b.example.com",
                SEALER.seal(KEY, "whk_2"),
                Set.of(WebhookEvents.APPROVAL_DECIDED),
                clock.instant(),
                "usr_1"));
        store.insertEndpoint(new WebhookEndpoint(
                "whk_3",
                "ws_2",
                "https://c.example.com",
                SEALER.seal(KEY, "whk_3"),
                Set.copyOf(WebhookEvents.ALL),
                clock.instant(),
                "usr_2"));

        assertThat(outbox.publish("ws_1", WebhookEvents.APPROVAL_DECIDED, Map.of()))
                .isEqualTo(1);
        assertThat(store.deliveriesOf("whk_2", 10)).hasSize(1);
        assertThat(store.deliveriesOf("whk_1", 10)).isEmpty();
        assertThat(store.deliveriesOf("whk_3", 10)).isEmpty();
    }

    @Test
    void theScheduleGrowsFourfoldUpToAnHour() {
        RetrySchedule schedule = RetrySchedule.defaults();

        assertThat(List.of(1, 2, 3, 4, 5, 6, 7).stream().map(schedule::after))
                .containsExactly(
                        Duration.ofSeconds(5),
                        Duration.ofSeconds(20),
                        Duration.ofSeconds(80),
                        Duration.ofSeconds(320),
                        Duration.ofSeconds(1280),
                        Duration.ofHours(1),
                        Duration.ofHours(1));
    }

    @Test
    void thePayloadIsJsonWhateverTheValuesHoldAndTheSameBytesEveryTime() {
        String json = WebhookPayload.json(
                "approval.decided",
                clock.instant(),
                Map.of("reason", "say \"no\"\\ now\nthen\u2028\u0001", "approval_id", "apr_1"));

        assertThat(json)
                .isEqualTo("{\"type\":\"approval.decided\",\"timestamp\":\"2026-12-01T12:00:00Z\",\"data\":"
                        + "{\"approval_id\":\"apr_1\",\"reason\":\"say \\\"no\\\"\\\\ now\\nthen\\u2028\\u0001\"}}");
    }
}
