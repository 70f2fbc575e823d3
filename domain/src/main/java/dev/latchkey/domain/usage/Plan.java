package dev.latchkey.domain.usage;

import java.time.Duration;

/**
 * A workspace's allowance: a token bucket for request rate ({@code burst} tokens, refilled at
 * {@code requestsPerMinute}), and a cap on metered requests per billing {@code period} (0: none).
 */
public record Plan(String name, int requestsPerMinute, int burst, long usageCap, Duration period) {

    public Plan {
        if (requestsPerMinute < 1 || burst < 1 || usageCap < 0 || period.isZero() || period.isNegative()) {
            throw new IllegalArgumentException("plan " + name + ": requestsPerMinute and burst must be positive, "
                    + "usageCap zero (none) or positive, period positive");
        }
    }
}
