package dev.latchkey.domain.webhook;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One event on its way to one endpoint: the exact body (signed afresh on every attempt, with the same
 * {@code webhook-id}, so a receiver can drop repeats), and the log of trying — how many attempts, when
 * the next is due, and what the last one got back.
 */
public record WebhookDelivery(
        String id,
        String endpointId,
        String tenantId,
        String event,
        String payload,
        Status status,
        int attempts,
        Instant createdAt,
        Instant nextAttemptAt,
        Optional<Instant> lastAttemptAt,
        Optional<Integer> lastStatus,
        Optional<String> lastError) {

    /** Pending until a 2xx answer (delivered) or the last allowed attempt fails (failed). */
    public enum Status {
        PENDING,
        DELIVERED,
        FAILED
    }

    public WebhookDelivery {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(endpointId, "endpointId");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(nextAttemptAt, "nextAttemptAt");
        Objects.requireNonNull(lastAttemptAt, "lastAttemptAt");
        Objects.requireNonNull(lastStatus, "lastStatus");
        Objects.requireNonNull(lastError, "lastError");
    }

    public static WebhookDelivery first(String id, WebhookEndpoint to, String event, String payload, Instant now) {
        return new WebhookDelivery(
                id,
                to.id(),
                to.tenantId(),
                event,
                payload,
                Status.PENDING,
                0,
                now,
                now,
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
    }

    /** After one more attempt: {@code status} the outcome, {@code next} when to try again if pending. */
    public WebhookDelivery attempted(
            Status outcome, Instant at, Instant next, Optional<Integer> answered, Optional<String> error) {
        return new WebhookDelivery(
                id,
                endpointId,
                tenantId,
                event,
                payload,
                outcome,
                attempts + 1,
                createdAt,
                next,
                Optional.of(at),
                answered,
                error);
    }
}
