package dev.latchkey.domain.auth;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Credentials looked up and not found, so that a flood of well-formed but unknown tokens or keys
 * costs a map lookup instead of a database read each. Safe to remember indefinitely: the values are
 * random with at least 190 bits, so one that does not exist now cannot be issued later. Bounded:
 * when full, it starts over.
 */
public final class AbsentCredentials {
    private final int maxEntries;
    private final ConcurrentHashMap<Object, Boolean> absent = new ConcurrentHashMap<>();

    public AbsentCredentials(int maxEntries) {
        this.maxEntries = maxEntries;
    }

    /** @param key the credential's fingerprint, or for API keys their lookup prefix */
    public boolean isKnownAbsent(Object key) {
        return absent.containsKey(key);
    }

    public void rememberAbsent(Object key) {
        if (absent.size() >= maxEntries) {
            absent.clear();
        }
        absent.put(key, Boolean.TRUE);
    }
}
