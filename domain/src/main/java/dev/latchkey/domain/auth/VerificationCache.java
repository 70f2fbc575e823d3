package dev.latchkey.domain.auth;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Predicate;

/**
 * Successful verifications of presented credentials, keyed by the SHA-256 of the full value, so a
 * credential seen recently costs a hash and a map lookup instead of slow hashing, signature checks
 * and database reads. Each entry says when its facts must be read again ({@code revalidateAt}):
 * that interval bounds how late this process notices a change made by another one.
 *
 * <p>Holding the SHA-256 of a high-entropy credential is safe where holding a password's would not
 * be: the input cannot be guessed. The cache is bounded; when full it drops an arbitrary tenth of
 * its entries, which for random keys is as good as LRU at a fraction of the bookkeeping.
 */
public final class VerificationCache {

    /**
     * One verification: which credential, the stored fact it was proven against ({@code proof}: a
     * key's hash, a token's id), the principal, and when to check the store again.
     */
    public record Entry(String credentialId, String proof, Principal principal, Optional<Instant> expiresAt,
            Instant revalidateAt) {

        public Entry {
            Objects.requireNonNull(credentialId, "credentialId");
            Objects.requireNonNull(proof, "proof");
            Objects.requireNonNull(principal, "principal");
            Objects.requireNonNull(expiresAt, "expiresAt");
            Objects.requireNonNull(revalidateAt, "revalidateAt");
        }

        public boolean expiredAt(Instant now) {
            return expiresAt.map(expiry -> !now.isBefore(expiry)).orElse(false);
        }
    }

    private final int maxEntries;
    private final ConcurrentHashMap<ByteBuffer, Entry> entries = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, ByteBuffer> fingerprintByCredentialId = new ConcurrentHashMap<>();
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();

    public VerificationCache(int maxEntries) {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be positive");
        }
        this.maxEntries = maxEntries;
    }

    /** The cache key of a presented value; not reversible for a random key. */
    public static ByteBuffer fingerprint(String presented) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(presented.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK ships SHA-256", e);
        }
    }

    public Optional<Entry> get(ByteBuffer fingerprint) {
        Entry entry = entries.get(fingerprint);
        (entry == null ? misses : hits).increment();
        return Optional.ofNullable(entry);
    }

    /** Lookups that found an entry, since start (for the cache hit-ratio metric). */
    public long hits() {
        return hits.sum();
    }

    /** Lookups that found none, since start. */
    public long misses() {
        return misses.sum();
    }

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

    public void remove(ByteBuffer fingerprint) {
        Entry removed = entries.remove(fingerprint);
        if (removed != null) {
            fingerprintByCredentialId.remove(removed.credentialId(), fingerprint);
        }
    }

    /** Forgets a credential at once: called when it is revoked or its expiry changes in this process. */
    public void invalidate(String credentialId) {
        ByteBuffer fingerprint = fingerprintByCredentialId.remove(credentialId);
        if (fingerprint != null) {
            entries.remove(fingerprint);
        }
    }

    /** Forgets every entry matching {@code condition}: for rare, wide changes such as "sign out everywhere". */
    public void invalidateWhere(Predicate<Entry> condition) {
        entries.entrySet().removeIf(e -> {
            if (condition.test(e.getValue())) {
                fingerprintByCredentialId.remove(e.getValue().credentialId(), e.getKey());
                return true;
            }
            return false;
        });
    }

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
