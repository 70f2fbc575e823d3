package dev.latchkey.domain.webhook;

import dev.latchkey.domain.common.SecretSealer;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Sends due deliveries, one attempt each, and records what happened: a 2xx answer delivers; anything
 * else — another status, no answer within the deadline, a refused address — is retried on the {@link
 * RetrySchedule} until the last attempt, then the delivery is failed. Each attempt is claimed first,
 * so instances sharing a database do not send the same attempt twice; a claim left by an instance that
 * stopped mid-attempt lapses after {@code lease} and the attempt is made again (at-least-once: the
 * receiver drops a repeated {@code webhook-id}).
 */
public final class DeliverWebhooks {
    /** Deliveries taken per run; the rest wait for the next run. */
    static final int BATCH = 20;
    /** The longest a receiver's error text is kept in the delivery log. */
    static final int MAX_ERROR_LENGTH = 300;

    private final WebhookStore store;
    private final WebhookSender sender;
    private final SecretSealer sealer;
    private final RetrySchedule retries;
    private final Duration lease;
    private final Clock clock;

    public DeliverWebhooks(
            WebhookStore store,
            WebhookSender sender,
            SecretSealer sealer,
            RetrySchedule retries,
            Duration lease,
            Clock clock) {
        this.store = store;
        this.sender = sender;
        this.sealer = sealer;
        this.retries = retries;
        this.lease = lease;
        this.clock = clock;
    }

    /**
     * Claims the due deliveries, then makes their attempts on {@code attempts} side by side — so one
     * receiver that stalls to the deadline holds one thread, not everyone's deliveries — and waits for
     * them all.
     *
     * @return how many attempts were made
     */
    public int deliverDue(Executor attempts) {
        List<CompletableFuture<Void>> made = new ArrayList<>();
        for (WebhookDelivery due : store.due(clock.instant(), BATCH)) {
            Instant now = clock.instant();
            if (store.claim(due.id(), due.attempts(), now, now.plus(lease))) {
                made.add(CompletableFuture.runAsync(() -> store.recordAttempt(attempt(due, now)), attempts));
            }
        }
        CompletableFuture.allOf(made.toArray(CompletableFuture[]::new)).join();
        return made.size();
    }

    /** One attempt after another, on the calling thread. */
    public int deliverDue() {
        return deliverDue(Runnable::run);
    }

    private WebhookDelivery attempt(WebhookDelivery delivery, Instant now) {
        Optional<WebhookEndpoint> endpoint = store.findEndpoint(delivery.endpointId());
        if (endpoint.isEmpty()) {
            return delivery.attempted(
                    WebhookDelivery.Status.FAILED, now, now, Optional.empty(), Optional.of("endpoint deleted"));
        }
        byte[] key;
        try {
            key = sealer.open(endpoint.get().sealedSecret(), endpoint.get().id());
        } catch (IllegalStateException unopened) {
            // Not the receiver's fault, but no attempt can succeed: counted, so the delivery ends as failed.
            return failedAttempt(
                    delivery,
                    now,
                    Optional.empty(),
                    "not sent: the signing secret cannot be opened (was the key-encryption key replaced?)");
        }
        int status;
        try {
            status = sender.post(
                    URI.create(endpoint.get().url()),
                    WebhookSignature.headers(delivery.id(), now.getEpochSecond(), delivery.payload(), key),
                    delivery.payload());
        } catch (WebhookUnreachable unreachable) {
            return failedAttempt(delivery, now, Optional.empty(), clip(unreachable.getMessage()));
        } finally {
            java.util.Arrays.fill(key, (byte) 0);
        }
        if (status >= 200 && status < 300) {
            return delivery.attempted(
                    WebhookDelivery.Status.DELIVERED, now, now, Optional.of(status), Optional.empty());
        }
        return failedAttempt(delivery, now, Optional.of(status), "HTTP " + status);
    }

    private WebhookDelivery failedAttempt(
            WebhookDelivery delivery, Instant now, Optional<Integer> status, String error) {
        int failures = delivery.attempts() + 1;
        if (failures >= retries.maxAttempts()) {
            return delivery.attempted(WebhookDelivery.Status.FAILED, now, now, status, Optional.of(error));
        }
        return delivery.attempted(
                WebhookDelivery.Status.PENDING, now, now.plus(retries.after(failures)), status, Optional.of(error));
    }

    private static String clip(String message) {
        String text = message == null ? "no answer" : message;
        return text.length() > MAX_ERROR_LENGTH ? text.substring(0, MAX_ERROR_LENGTH) : text;
    }
}
