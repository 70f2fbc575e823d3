package dev.latchkey.domain.apikey;

import dev.latchkey.domain.auth.Principal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Iterator;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Successful API-key verifications, keyed by the SHA-256 of the full key, so a key seen recently
 * costs a hash and a map lookup instead of an argon2id verification and a database read.
 *
 * <p>Holding the SHA-256 of a 190-bit random key is safe where holding a password's would not be:
 * the input cannot be guessed. The cache is bounded; when full it drops an arbitrary tenth of its
 * entries, which for randomly distributed keys is as good as LRU at a fraction of the bookkeeping.
 */
public final class VerifiedApiKeyCache {

    /** One verification: which key, the hash it matched, and when to check the row again. */
    public record Entry(String keyId, String secretHash, Principal principal, Optional<Instant> expiresAt,
            Instant revalidateAt) {

        public Entry {
            Objects.requireNonNull(keyId, "keyId");
            Objects.requireNonNull(secretHash, "secretHash");
            Objects.requireNonNull(principal, "principal");
            Objects.requireNonNull(expiresAt, "expiresAt");
            Objects.requireNonNull(revalidateAt, "revalidateAt");
        }

        boolean expiredAt(Instant now) {
            return expiresAt.map(expiry -> !now.isBefore(expiry)).orElse(false);
        }
    }

    private final int maxEntries;
    private final ConcurrentHashMap<ByteBuffer, Entry> entries = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, ByteBuffer> fingerprintByKeyId = new ConcurrentHashMap<>();

    public VerifiedApiKeyCache(int maxEntries) {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be positive");
        }
        this.maxEntries = maxEntries;
    }

    /** The cache key of a presented value; not reversible for a random key. */
    public static ByteBuffer fingerprint(String presentedKey) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(presentedKey.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK ships SHA-256", e);
        }
    }

    public Optional<Entry> get(ByteBuffer fingerprint) {
        return Optional.ofNullable(entries.get(fingerprint));
    }

    public void put(ByteBuffer fingerprint, Entry entry) {
        if (entries.size() >= maxEntries) {
            evictSome();
        }
        ByteBuffer previous = fingerprintByKeyId.put(entry.keyId(), fingerprint);
        if (previous != null && !previous.equals(fingerprint)) {
            entries.remove(previous);
        }
        entries.put(fingerprint, entry);
    }

    public void remove(ByteBuffer fingerprint) {
        Entry removed = entries.remove(fingerprint);
        if (removed != null) {
            fingerprintByKeyId.remove(removed.keyId(), fingerprint);
        }
    }

    /** Forgets a key at once: called when it is revoked or its expiry changes in this process. */
    public void invalidateKey(String keyId) {
        ByteBuffer fingerprint = fingerprintByKeyId.remove(keyId);
        if (fingerprint != null) {
            entries.remove(fingerprint);
        }
    }

    public int size() {
        return entries.size();
    }

    private void evictSome() {
        int toDrop = Math.max(1, maxEntries / 10);
        Iterator<ByteBuffer> it = entries.keySet().iterator();
        while (toDrop-- > 0 && it.hasNext()) {
            ByteBuffer fingerprint = it.next();
            it.remove();
            fingerprintByKeyId.values().remove(fingerprint);
        }
    }
}
