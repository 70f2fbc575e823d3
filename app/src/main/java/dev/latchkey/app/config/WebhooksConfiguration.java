package dev.latchkey.app.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.latchkey.domain.webhook.RetrySchedule;
import io.dropwizard.util.Duration;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** {@code webhooks:} how workspaces' signed webhook events are sent, and retried. */
public final class WebhooksConfiguration {
    /** The whole of one attempt: connecting, sending, and the receiver's answer. */
    @NotNull
    @JsonProperty
    private Duration timeout = Duration.seconds(5);

    /** The wait after the first failed attempt; four times longer after each further one, at most an hour. */
    @NotNull
    @JsonProperty
    private Duration firstRetryAfter = Duration.seconds(5);

    @Min(1)
    @Max(20)
    @JsonProperty
    private int maxAttempts = 8;

    /** How often due deliveries are looked for. */
    @NotNull
    @JsonProperty
    private Duration pollInterval = Duration.seconds(1);

    /** How long delivered and failed deliveries stay in the delivery log. */
    @NotNull
    @JsonProperty
    private Duration keepDeliveriesFor = Duration.days(7);

    /** Receivers on private or local addresses (your own network): off, so a tenant cannot aim at it. */
    @JsonProperty
    private boolean allowPrivateAddresses = false;

    /** Plain {@code http://} receivers, for local development only. */
    @JsonProperty
    private boolean allowHttp = false;

    public java.time.Duration timeout() {
        return timeout.toJavaDuration();
    }

    public RetrySchedule retrySchedule() {
        return new RetrySchedule(firstRetryAfter.toJavaDuration(), maxAttempts);
    }

    public java.time.Duration pollInterval() {
        return pollInterval.toJavaDuration();
    }

    public java.time.Duration keepDeliveriesFor() {
        return keepDeliveriesFor.toJavaDuration();
    }

    public boolean allowPrivateAddresses() {
        return allowPrivateAddresses;
    }

    public boolean allowHttp() {
        return allowHttp;
    }
}
