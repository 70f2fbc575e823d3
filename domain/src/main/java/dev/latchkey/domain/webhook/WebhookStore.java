package dev.latchkey.domain.webhook;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Webhook endpoints and their deliveries (an outbox: written with the event, drained by attempts). */
public interface WebhookStore {

    void insertEndpoint(WebhookEndpoint endpoint);

    Optional<WebhookEndpoint> findEndpoint(String id);

    /** The workspace's endpoints, oldest first. */
    List<WebhookEndpoint> endpointsOf(String tenantId);

    /** Deletes the endpoint and its deliveries; false when there was none. */
    boolean deleteEndpoint(String id);

    void insertDelivery(WebhookDelivery delivery);

    /** Pending deliveries whose next attempt is due at {@code now}, soonest first, at most {@code limit}. */
    List<WebhookDelivery> due(Instant now, int limit);

    /**
     * Takes a due delivery for one attempt: moves its next attempt to {@code leaseUntil} if it is still
     * pending after exactly {@code attempts} attempts and due at {@code now}. False when another
     * instance took it first, so each attempt is made once.
     */
    boolean claim(String deliveryId, int attempts, Instant now, Instant leaseUntil);

    /** Records the outcome of an attempt (the delivery as {@link WebhookDelivery#attempted} left it). */
    void recordAttempt(WebhookDelivery delivery);

    /** The endpoint's deliveries, newest first, at most {@code limit}. */
    List<WebhookDelivery> deliveriesOf(String endpointId, int limit);

    /** Forgets delivered and failed deliveries created before {@code cutoff}; returns how many. */
    int deleteFinishedBefore(Instant cutoff);
}
