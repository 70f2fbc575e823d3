package dev.latchkey.domain.auth;

import dev.latchkey.domain.common.BoundedCache;
import dev.latchkey.domain.common.Caches;
import java.util.Optional;

/**
 * Credentials looked up and not found, so that a flood of well-formed but unknown tokens or keys
 * costs a map lookup instead of a database read each. Safe to remember indefinitely: the values are
 * random with at least 190 bits, so one that does not exist now cannot be issued later. Bounded
 * ({@link Caches}): when full, the least useful go first.
 */
public final class AbsentCredentials {
    private static final int MAX_ENTRIES = 100_000;
    private final BoundedCache<Object, Boolean> absent;

    /** @param name what it remembers, for its statistics */
    public AbsentCredentials(Caches caches, String name) {
        this.absent = caches.bounded(name, MAX_ENTRIES, Optional.empty());
    }

    /** @param key the credential's fingerprint, or for API keys their lookup prefix */
    public boolean isKnownAbsent(Object key) {
        return absent.contains(key);
    }

    public void rememberAbsent(Object key) {
        absent.put(key, Boolean.TRUE);
    }
}
