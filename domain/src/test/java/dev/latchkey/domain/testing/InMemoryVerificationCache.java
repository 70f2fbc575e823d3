package dev.latchkey.domain.testing;

import dev.latchkey.domain.auth.VerificationCache;
import java.nio.ByteBuffer;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * The in-memory twin of the verification cache: a bounded map that drops a tenth of its entries,
 * each in constant time, when full. Domain tests use it; it passes the same contract as the
 * Caffeine cache production runs ({@code VerificationCacheContract}).
 */
public final class InMemoryVerificationCache implements VerificationCache {

    private final int maxEntries;
    private final ConcurrentHashMap<ByteBuffer, Entry> entries = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, ByteBuffer> fingerprintByCredentialId = new ConcurrentHashMap<>();

    public InMemoryVerificationCache(int maxEntries) {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be positive");
        }
        this.maxEntries = maxEntries;
    }

    @Override
    public Optional<Entry> get(ByteBuffer fingerprint) {
        return Optional.ofNullable(entries.get(fingerprint));
    }

    @Override
    public void put(ByteBuffer fingerprint, Entry entry) {
        if (entries.size() >= maxEntries) {
            evictSome();
        }
        ByteBuffer previous = fingerprintByCredentialId.put(entry.credentialId(), fingerprint);
        if (previous != null && !previous.equals(fingerprint)) {
            entries.remove(previous);
        }
        entries.put(fingerprint, entry);
    }

    @Override
    public void remove(ByteBuffer fingerprint) {
        Entry removed = entries.remove(fingerprint);
        if (removed != null) {
            fingerprintByCredentialId.remove(removed.credentialId(), fingerprint);
        }
    }

    /** Forgets a credential at once: called when it is revoked or its expiry changes in this process. */
    @Override
    public void invalidate(String credentialId) {
        ByteBuffer fingerprint = fingerprintByCredentialId.remove(credentialId);
        if (fingerprint != null) {
            entries.remove(fingerprint);
        }
    }

    /** Forgets every entry matching {@code condition}: for rare, wide changes such as "sign out everywhere". */
    @Override
    public void invalidateWhere(Predicate<Entry> condition) {
        entries.entrySet().removeIf(e -> {
            if (condition.test(e.getValue())) {
                fingerprintByCredentialId.remove(e.getValue().credentialId(), e.getKey());
                return true;
            }
            return false;
        });
    }

    @Override
    public int size() {
        return entries.size();
    }

    /**
     * Drops a tenth of the entries, each in constant time: the reverse index is updated by the
     * evicted entry's own credential id, never by scanning it (which made the request that found
     * the cache full wait seconds at 100,000 entries).
     */
    private void evictSome() {
        int toDrop = Math.max(1, maxEntries / 10);
        Iterator<Map.Entry<ByteBuffer, Entry>> it = entries.entrySet().iterator();
        while (toDrop-- > 0 && it.hasNext()) {
            Map.Entry<ByteBuffer, Entry> evicted = it.next();
            it.remove();
            fingerprintByCredentialId.remove(evicted.getValue().credentialId(), evicted.getKey());
        }
    }
}
