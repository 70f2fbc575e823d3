package dev.latchkey.app.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.latchkey.outbound.OutboundCallSettings;
import io.dropwizard.util.Duration;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** {@code identityProviders:} how every call to an external identity provider is guarded. */
public final class IdentityProvidersConfiguration {
    /** Per attempt; hundreds of milliseconds, since a caller is waiting. */
    @NotNull
    @JsonProperty
    private Duration timeout = Duration.milliseconds(800);

    /** Attempts including the first: at most one retry, with jittered backoff. */
    @Min(1)
    @Max(3)
    @JsonProperty
    private int maxAttempts = 2;

    @NotNull
    @JsonProperty
    private Duration retryBackoff = Duration.milliseconds(100);

    /** The breaker opens when this percentage of recent calls failed... */
    @Min(1)
    @Max(100)
    @JsonProperty
    private int failureRateThreshold = 50;

    @Min(1)
    @JsonProperty
    private int minimumCalls = 5;

    /** ...and lets one call through again after this long. */
    @NotNull
    @JsonProperty
    private Duration openFor = Duration.seconds(10);

    @Min(1)
    @JsonProperty
    private int maxConcurrentCalls = 16;

    public OutboundCallSettings toSettings() {
        return new OutboundCallSettings(
                timeout.toJavaDuration(),
                maxAttempts,
                retryBackoff.toJavaDuration(),
                failureRateThreshold,
                minimumCalls,
                openFor.toJavaDuration(),
                maxConcurrentCalls);
    }
}
