package dev.latchkey.domain.testing.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.domain.webhook.WebhookDelivery;
import dev.latchkey.domain.webhook.WebhookEndpoint;
import dev.latchkey.domain.webhook.WebhookStore;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every {@link WebhookStore} must do: keep endpoints per workspace, and hand each attempt out once. */
public abstract class WebhookStoreContract {
    private static final Instant T0 = Instant.parse("2026-06-01T10:00:00Z");

    protected abstract WebhookStore webhookStore();

    private static String fresh(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 12);
    }

    private static WebhookEndpoint endpoint(String tenant, Instant at) {
        return new WebhookEndpoint(
                fresh("whk_"),
                tenant,
                "https://hooks.example.com/latchkey",
                "sealed-" + UUID.randomUUID(),
                Set.of("approval.requested", "approval.decided"),
                at,
                "usr_admin");
    }

    private static WebhookDelivery delivery(WebhookEndpoint to, Instant at) {
        return WebhookDelivery.first(fresh("msg_"), to, "approval.requested", "{\"type\":\"approval.requested\"}", at);
    }

    @Test
    void endpointsAreKeptPerWorkspaceOldestFirstAndDeletedWithTheirDeliveries() {
        WebhookStore store = webhookStore();
        String tenant = fresh("ws_");
        WebhookEndpoint newer = endpoint(tenant, T0.plusSeconds(5));
        WebhookEndpoint older = endpoint(tenant, T0);
        store.insertEndpoint(newer);
        store.insertEndpoint(older);
        store.insertEndpoint(endpoint(fresh("ws_"), T0));
        WebhookDelivery sent = delivery(older, T0);
        store.insertDelivery(sent);

        assertThat(store.endpointsOf(tenant)).containsExactly(older, newer);
        assertThat(store.findEndpoint(older.id())).contains(older);
        assertThat(store.deliveriesOf(older.id(), 10)).containsExactly(sent);

        assertThat(store.deleteEndpoint(older.id())).isTrue();
        assertThat(store.deleteEndpoint(older.id())).isFalse();
        assertThat(store.findEndpoint(older.id())).isEmpty();
        assertThat(store.deliveriesOf(older.id(), 10)).isEmpty();
        assertThat(store.endpointsOf(tenant)).containsExactly(newer);
    }

    @Test
    void aDueDeliveryIsClaimedOnceAndItsAttemptRecorded() {
        WebhookStore store = webhookStore();
        WebhookEndpoint to = endpoint(fresh("ws_"), T0);
        store.insertEndpoint(to);
        WebhookDelivery due = delivery(to, T0);
        WebhookDelivery later = WebhookDelivery.first(fresh("msg_"), to, "approval.decided", "{}", T0.plusSeconds(60));
        store.insertDelivery(due);
        store.insertDelivery(later);

        assertThat(store.due(T0.plusSeconds(1), 1000))
                .filteredOn(d -> d.endpointId().equals(to.id()))
                .containsExactly(due);
        assertThat(store.claim(due.id(), 0, T0.plusSeconds(1), T0.plusSeconds(31)))
                .isTrue();
        assertThat(store.claim(due.id(), 0, T0.plusSeconds(1), T0.plusSeconds(31)))
                .as("a second instance gets nothing")
                .isFalse();
        assertThat(store.due(T0.plusSeconds(2), 1000))
                .filteredOn(d -> d.endpointId().equals(to.id()))
                .isEmpty();

        WebhookDelivery failed = due.attempted(
                WebhookDelivery.Status.PENDING,
                T0.plusSeconds(1),
                T0.plusSeconds(6),
                Optional.of(503),
                Optional.of("HTTP 503"));
        store.recordAttempt(failed);
        assertThat(store.claim(due.id(), 0, T0.plusSeconds(7), T0.plusSeconds(37)))
                .as("a claim for an attempt already made")
                .isFalse();
        assertThat(store.due(T0.plusSeconds(7), 1000))
                .filteredOn(d -> d.endpointId().equals(to.id()))
                .containsExactly(failed);
        assertThat(store.deliveriesOf(to.id(), 10))
                .as("newest first")
                .extracting(WebhookDelivery::id)
                .containsExactly(later.id(), due.id());
        WebhookDelivery read = store.deliveriesOf(to.id(), 10).get(1);
        assertThat(read.attempts()).isEqualTo(1);
        assertThat(read.lastStatus()).contains(503);
        assertThat(read.lastError()).contains("HTTP 503");
        assertThat(read.lastAttemptAt()).contains(T0.plusSeconds(1));
        assertThat(read.payload()).isEqualTo(due.payload());
    }

    @Test
    void finishedDeliveriesAreForgottenAfterTheirTimePendingOnesNever() {
        WebhookStore store = webhookStore();
        WebhookEndpoint to = endpoint(fresh("ws_"), T0);
        store.insertEndpoint(to);
        WebhookDelivery delivered = delivery(to, T0);
        WebhookDelivery pending = delivery(to, T0);
        store.insertDelivery(delivered);
        store.insertDelivery(pending);
        store.recordAttempt(
                delivered.attempted(WebhookDelivery.Status.DELIVERED, T0, T0, Optional.of(204), Optional.empty()));

        assertThat(store.deleteFinishedBefore(T0.plusSeconds(1))).isGreaterThanOrEqualTo(1);
        assertThat(store.deliveriesOf(to.id(), 10))
                .extracting(WebhookDelivery::id)
                .containsExactly(pending.id());
    }
}
