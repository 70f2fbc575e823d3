package dev.latchkey.domain.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

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
    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();

    public FailedAttemptLimiter(int maxFailures, Duration window, Clock clock) {
        if (maxFailures < 1) {
            throw new IllegalArgumentException("maxFailures must be positive");
        }
        this.maxFailures = maxFailures;
        this.window = window;
        this.clock = clock;
    }

    public boolean isBlocked(String key) {
        return retryAfter(key).isPresent();
    }

    /** How long until a blocked key may try again; empty when it is not blocked. */
    public Optional<Duration> retryAfter(String key) {
        Window current = windows.get(key);
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
        if (windows.size() >= MAX_TRACKED_PREFIXES) {
            windows.values().removeIf(w -> hasPassed(w, now));
        }
        windows.merge(
                key,
                new Window(now, 1),
                (old, fresh) -> hasPassed(old, now) ? fresh : new Window(old.start(), old.failures() + 1));
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
