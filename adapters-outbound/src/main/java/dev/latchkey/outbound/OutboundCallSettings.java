package dev.latchkey.outbound;

import java.time.Duration;

/**
 * How every call to an identity provider is guarded: a time limit per attempt, one retry with
 * jittered backoff for transient faults, a circuit breaker that opens after repeated failures and
 * half-opens after {@code openFor}, and a bulkhead bounding concurrent calls.
 */
public record OutboundCallSettings(
        Duration timeout,
        int maxAttempts,
        Duration retryBackoff,
        float failureRateThreshold,
        int minimumCalls,
        Duration openFor,
        int maxConcurrentCalls) {

    public static OutboundCallSettings defaults() {
        return new OutboundCallSettings(
                Duration.ofMillis(800), 2, Duration.ofMillis(100), 50f, 5, Duration.ofSeconds(10), 16);
    }
}
