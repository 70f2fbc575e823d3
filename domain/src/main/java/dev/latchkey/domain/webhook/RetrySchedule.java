package dev.latchkey.domain.webhook;

import java.time.Duration;

/**
 * When a failed delivery is tried again: {@code first} after the first failure, four times longer
 * after each further one, never more than an hour apart, and {@code maxAttempts} attempts in all
 * (the defaults, 5 s and 8, span about three hours: 5 s, 20 s, 80 s, 5 min, 21 min, 1 h, 1 h).
 */
public record RetrySchedule(Duration first, int maxAttempts) {
    static final Duration LONGEST = Duration.ofHours(1);

    public RetrySchedule {
        if (first.isNegative() || first.isZero()) {
            throw new IllegalArgumentException("the first retry must come after a positive delay");
        }
        if (maxAttempts < 1 || maxAttempts > 20) {
            throw new IllegalArgumentException("webhook deliveries are attempted 1 to 20 times");
        }
    }

    public static RetrySchedule defaults() {
        return new RetrySchedule(Duration.ofSeconds(5), 8);
    }

    /** The wait after {@code failedAttempts} failures (1 or more). */
    Duration after(int failedAttempts) {
        Duration wait = first;
        for (int i = 1; i < failedAttempts && wait.compareTo(LONGEST) < 0; i++) {
            wait = wait.multipliedBy(4);
        }
        return wait.compareTo(LONGEST) > 0 ? LONGEST : wait;
    }
}
