package dev.latchkey.domain.usage;

import java.time.Instant;

/**
 * Where rate buckets and usage counts live: in this process, or shared by every instance (Redis).
 * Both operations are atomic per key.
 */
public interface UsageCounters {

    /** The outcome of taking one token: whether it was there, how many are left, when the next one comes. */
    record Take(boolean allowed, long remaining, Instant nextTokenAt) {}

    /** Takes one token from the bucket {@code key} (capacity {@code burst}, refilled per minute). */
    Take takeToken(String key, int burst, int perMinute, Instant now);

    /** Adds one to the counter {@code key}, which lives until {@code expiresAt}; returns the new count. */
    long increment(String key, Instant now, Instant expiresAt);

    /** The counter's value, without changing it; 0 when it does not exist or has expired. */
    long read(String key, Instant now);
}
