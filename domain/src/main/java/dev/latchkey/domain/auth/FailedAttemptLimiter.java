package dev.latchkey.domain.auth;

import dev.latchkey.domain.common.BoundedCache;
import dev.latchkey.domain.common.Caches;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Counts failures per key (an API key's lookup prefix, an account, a client address) in a fixed
 * window: after {@code maxFailures} within {@code window}, the key is blocked until the window has
 * passed. It bounds the argon2id work and the guesses an attacker gets; a legitimate API key
 * already in the verification cache is unaffected.
 */
public final class FailedAttemptLimiter {
    private static final int MAX_TRACKED_PREFIXES = 100_000;

    private record Window(Instant start, int failures) {}

    private final int maxFailures;
    private final Duration window;
    private final Clock clock;
    private final BoundedCache<String, Window> windows;

    /**
     * @param name what it counts, for its statistics; at most {@value #MAX_TRACKED_PREFIXES} keys are
     *     tracked, the least useful forgotten first (an attacker spraying keys cannot grow it)
     */
    public FailedAttemptLimiter(int maxFailures, Duration window, Clock clock, Caches caches, String name) {
        if (maxFailures < 1) {
            throw new IllegalArgumentException("maxFailures must be positive");
        }
        this.maxFailures = maxFailures;
        this.window = window;
        this.clock = clock;
        this.windows = caches.bounded(name, MAX_TRACKED_PREFIXES, Optional.of(window));
    }

    public boolean isBlocked(String key) {
        return retryAfter(key).isPresent();
    }

    /** How long until a blocked key may try again; empty when it is not blocked. */
    public Optional<Duration> retryAfter(String key) {
        Window current = windows.get(key).orElse(null);
        Instant now = clock.instant();
        if (current == null || current.failures() < maxFailures || hasPassed(current, now)) {
            return Optional.empty();
        }
        return Optional.of(Duration.between(now, current.start().plus(window)));
    }

    /** Forgets a key's failures, after a success. */
    public void reset(String key) {
        windows.remove(key);
    }

    public void recordFailure(String key) {
        Instant now = clock.instant();
        windows.compute(
                key,
                (k, old) -> old == null || hasPassed(old, now)
                        ? new Window(now, 1)
                        : new Window(old.start(), old.failures() + 1));
    }

    private boolean hasPassed(Window w, Instant now) {
        return !now.isBefore(w.start().plus(window));
    }

    /**
     * Spends one attempt of {@code key}'s budget, successful or not (registrations, reset requests).
     *
     * @throws dev.latchkey.domain.error.AuthFailure {@code rate_limited} with Retry-After once it is spent
     */
    public void spend(String key, String refusal) {
        if (isBlocked(key)) {
            throw new dev.latchkey.domain.error.AuthFailure(
                    dev.latchkey.domain.error.AuthError.RATE_LIMITED,
                    refusal,
                    retryAfter(key).orElse(Duration.ofMinutes(1)));
        }
        recordFailure(key);
    }
}
