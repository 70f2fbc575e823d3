package dev.latchkey.domain.common;

import java.time.Duration;
import java.util.Optional;

/**
 * Makes the bounded caches use cases keep: a port, so that every cache has one eviction policy and
 * its statistics reported under {@code name} (Caffeine in production; an in-memory twin in tests).
 */
public interface Caches {

    /**
     * @param name what it remembers, for its statistics ({@code unknown_api_key_prefixes})
     * @param expireAfterWrite when set, an entry is forgotten this long after it was last written:
     *     for memory only, since callers check their own times
     */
    <K, V> BoundedCache<K, V> bounded(String name, int maxEntries, Optional<Duration> expireAfterWrite);
}
