package dev.latchkey.domain.apikey;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Collects "key was used at" facts in memory and writes them in one batch per {@link #flush()},
 * at most once per key per {@code granularity}: the hot path never writes to the database, and
 * {@code last_used_at} is accurate to the granularity plus the flush interval.
 */
public final class LastUsedRecorder {
    private static final int MAX_REMEMBERED = 200_000;

    private final ApiKeyStore store;
    private final Duration granularity;
    private final ConcurrentHashMap<String, Instant> pending = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Instant> lastWritten = new ConcurrentHashMap<>();

    public LastUsedRecorder(ApiKeyStore store, Duration granularity) {
        this.store = store;
        this.granularity = granularity;
    }

    public void record(String keyId, Instant usedAt) {
        Instant written = lastWritten.get(keyId);
        if (written != null && usedAt.isBefore(written.plus(granularity))) {
            return;
        }
        pending.merge(keyId, usedAt, (a, b) -> a.isAfter(b) ? a : b);
    }

    /** Writes what has accumulated; returns how many keys were updated. */
    public int flush() {
        if (pending.isEmpty()) {
            return 0;
        }
        Map<String, Instant> batch = new HashMap<>();
        for (String keyId : pending.keySet()) {
            Instant usedAt = pending.remove(keyId);
            if (usedAt != null) {
                batch.put(keyId, usedAt);
            }
        }
        try {
            store.recordLastUsed(batch);
        } catch (RuntimeException e) {
            // Keep what we have for the next flush rather than losing it while the store is away.
            batch.forEach((keyId, usedAt) -> pending.merge(keyId, usedAt, (a, b) -> a.isAfter(b) ? a : b));
            throw e;
        }
        if (lastWritten.size() > MAX_REMEMBERED) {
            lastWritten.clear();
        }
        lastWritten.putAll(batch);
        return batch.size();
    }
}
