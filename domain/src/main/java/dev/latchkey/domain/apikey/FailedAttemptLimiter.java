package dev.latchkey.domain.apikey;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Bounds the argon2id work an attacker can cause by guessing secrets for a known lookup prefix:
 * after {@code maxFailures} mismatches within {@code window}, further attempts on that prefix are
 * refused without hashing until the window has passed. The prefix is not secret, so keying on it
 * reveals nothing; a legitimate key already in the verified cache is unaffected.
 */
public final class FailedAttemptLimiter {
    private static final int MAX_TRACKED_PREFIXES = 100_000;

    private record Window(Instant start, int failures) {
    }

    private final int maxFailures;
    private final Duration window;
    private final Clock clock;
    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();

    public FailedAttemptLimiter(int maxFailures, Duration window, Clock clock) {
        if (maxFailures < 1) {
            throw new IllegalArgumentException("maxFailures must be positive");
        }
        this.maxFailures = maxFailures;
        this.window = window;
        this.clock = clock;
    }

    public boolean isBlocked(String lookupPrefix) {
        Window current = windows.get(lookupPrefix);
        return current != null && current.failures() >= maxFailures && !hasPassed(current, clock.instant());
    }

    public void recordFailure(String lookupPrefix) {
        Instant now = clock.instant();
        if (windows.size() >= MAX_TRACKED_PREFIXES) {
            windows.values().removeIf(w -> hasPassed(w, now));
        }
        windows.merge(lookupPrefix, new Window(now, 1),
                (old, fresh) -> hasPassed(old, now) ? fresh : new Window(old.start(), old.failures() + 1));
    }

    private boolean hasPassed(Window w, Instant now) {
        return !now.isBefore(w.start().plus(window));
    }
}
