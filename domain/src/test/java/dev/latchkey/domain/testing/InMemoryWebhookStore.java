package dev.latchkey.domain.testing;

import dev.latchkey.domain.webhook.WebhookDelivery;
import dev.latchkey.domain.webhook.WebhookEndpoint;
import dev.latchkey.domain.webhook.WebhookStore;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The in-memory twin of the JDBI store; passes the same contract test. */
public final class InMemoryWebhookStore implements WebhookStore {
    private final Map<String, WebhookEndpoint> endpoints = new ConcurrentHashMap<>();
    private final Map<String, WebhookDelivery> deliveries = new ConcurrentHashMap<>();

    @Override
    public void insertEndpoint(WebhookEndpoint endpoint) {
        endpoints.put(endpoint.id(), endpoint);
    }

    @Override
    public Optional<WebhookEndpoint> findEndpoint(String id) {
        return Optional.ofNullable(endpoints.get(id));
    }

    @Override
    public List<WebhookEndpoint> endpointsOf(String tenantId) {
        return endpoints.values().stream()
                .filter(e -> e.tenantId().equals(tenantId))
                .sorted(Comparator.comparing(WebhookEndpoint::createdAt).thenComparing(WebhookEndpoint::id))
                .toList();
    }

    @Override
    public synchronized boolean deleteEndpoint(String id) {
        deliveries.values().removeIf(d -> d.endpointId().equals(id));
        return endpoints.remove(id) != null;
    }

    @Override
    public void insertDelivery(WebhookDelivery delivery) {
        deliveries.put(delivery.id(), delivery);
    }

    @Override
    public List<WebhookDelivery> due(Instant now, int limit) {
        return deliveries.values().stream()
                .filter(d -> d.status() == WebhookDelivery.Status.PENDING
                        && !d.nextAttemptAt().isAfter(now))
                .sorted(Comparator.comparing(WebhookDelivery::nextAttemptAt).thenComparing(WebhookDelivery::id))
                .limit(limit)
                .toList();
    }

    @Override
    public synchronized boolean claim(String deliveryId, int attempts, Instant now, Instant leaseUntil) {
        WebhookDelivery current = deliveries.get(deliveryId);
        if (current == null
                || current.status() != WebhookDelivery.Status.PENDING
                || current.attempts() != attempts
                || current.nextAttemptAt().isAfter(now)) {
            return false;
        }
        deliveries.put(
                deliveryId,
                new WebhookDelivery(
                        current.id(),
                        current.endpointId(),
                        current.tenantId(),
                        current.event(),
                        current.payload(),
                        current.status(),
                        current.attempts(),
                        current.createdAt(),
                        leaseUntil,
                        current.lastAttemptAt(),
                        current.lastStatus(),
                        current.lastError()));
        return true;
    }

    @Override
    public void recordAttempt(WebhookDelivery delivery) {
        deliveries.computeIfPresent(delivery.id(), (id, current) -> delivery);
    }

    @Override
    public List<WebhookDelivery> deliveriesOf(String endpointId, int limit) {
        return deliveries.values().stream()
                .filter(d -> d.endpointId().equals(endpointId))
                .sorted(Comparator.comparing(WebhookDelivery::createdAt)
                        .thenComparing(WebhookDelivery::id)
                        .reversed())
                .limit(limit)
                .toList();
    }

    @Override
    public int deleteFinishedBefore(Instant cutoff) {
        int before = deliveries.size();
        deliveries
                .values()
                .removeIf(d -> d.status() != WebhookDelivery.Status.PENDING
                        && d.createdAt().isBefore(cutoff));
        return before - deliveries.size();
    }
}
