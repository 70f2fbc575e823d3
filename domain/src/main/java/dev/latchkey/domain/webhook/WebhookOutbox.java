package dev.latchkey.domain.webhook;

import dev.latchkey.domain.common.IdGenerator;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;

/**
 * Publishes an event to every endpoint of the workspace that subscribed to it, by writing one
 * delivery per endpoint: the event is kept even if the receiver is down or this instance stops, and
 * {@link DeliverWebhooks} sends it.
 */
public final class WebhookOutbox {
    /** Publishes nothing: for wirings without webhooks. */
    public static final WebhookOutbox NONE = new WebhookOutbox(null, null, null);

    private final WebhookStore store;
    private final IdGenerator ids;
    private final Clock clock;

    public WebhookOutbox(WebhookStore store, IdGenerator ids, Clock clock) {
        this.store = store;
        this.ids = ids;
        this.clock = clock;
    }

    /** @return how many deliveries were queued */
    public int publish(String tenantId, String event, Map<String, String> data) {
        if (store == null) {
            return 0;
        }
        Instant now = clock.instant();
        int queued = 0;
        for (WebhookEndpoint endpoint : store.endpointsOf(tenantId)) {
            if (endpoint.wants(event)) {
                // Each endpoint gets its own message id: a receiver de-duplicates per its own deliveries.
                store.insertDelivery(WebhookDelivery.first(
                        ids.newId("msg"), endpoint, event, WebhookPayload.json(event, now, data), now));
                queued++;
            }
        }
        return queued;
    }
}
