package dev.latchkey.app;

import dev.latchkey.crypto.AesGcmSecretSealer;
import dev.latchkey.domain.common.SecretSealer;
import dev.latchkey.domain.webhook.DeliverWebhooks;
import dev.latchkey.domain.webhook.ManageWebhooks;
import dev.latchkey.domain.webhook.WebhookOutbox;
import dev.latchkey.http.webhook.WebhookResource;
import dev.latchkey.webhooks.HttpWebhookSender;
import io.dropwizard.core.setup.Environment;
import java.time.Duration;
import java.util.List;

/**
 * Signed webhooks to the approvers' own systems: endpoints a workspace registers, the outbox the
 * approval events are written to, and the timer that delivers them with retries.
 */
final class WebhooksFeature {
    /** Webhook attempts made at once by one instance. */
    static final int ATTEMPT_THREADS = 8;

    final WebhookOutbox outbox;
    final ManageWebhooks manage;
    final DeliverWebhooks deliver;
    private final Foundations base;

    WebhooksFeature(Foundations base) {
        this.base = base;
        var settings = base.configuration.getWebhooks();
        SecretSealer sealer =
                new AesGcmSecretSealer(ConfiguredSecrets.keyEncryptionKey(base.configuration.getWorkloadTokens()));
        HttpWebhookSender sender = new HttpWebhookSender(settings.timeout(), settings.allowPrivateAddresses());
        this.outbox = new WebhookOutbox(base.stores.webhooks(), base.ids, base.clock);
        this.manage = new ManageWebhooks(
                base.stores.webhooks(),
                sender,
                sealer,
                base.ids,
                base.random,
                base.clock,
                base.audit,
                settings.allowHttp());
        // A claimed attempt lapses well after its deadline, so only a stopped instance's is made again.
        this.deliver = new DeliverWebhooks(
                base.stores.webhooks(),
                sender,
                sealer,
                settings.retrySchedule(),
                settings.timeout().multipliedBy(3),
                base.clock);
    }

    void register(Environment environment) {
        environment.jersey().register(new WebhookResource(manage));
        var settings = base.configuration.getWebhooks();
        var lifecycle = environment.lifecycle();
        // Attempts side by side, a few at a time: a receiver stalling to the deadline holds one of these threads.
        var attempts = lifecycle
                .executorService("webhook-attempt-%d")
                .minThreads(ATTEMPT_THREADS)
                .maxThreads(ATTEMPT_THREADS)
                .build();
        lifecycle.manage(new Housekeeping(
                "attempted",
                "webhook deliveries",
                List.of(() -> deliver.deliverDue(attempts)),
                settings.pollInterval(),
                lifecycle.scheduledExecutorService("webhook-delivery", true).build()));
        Housekeeping.every(
                Duration.ofMinutes(10),
                "old webhook deliveries",
                List.of(() -> base.stores
                        .webhooks()
                        .deleteFinishedBefore(base.clock.instant().minus(settings.keepDeliveriesFor()))),
                lifecycle,
                "webhook-housekeeping");
    }
}
