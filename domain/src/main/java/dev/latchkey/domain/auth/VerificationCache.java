package dev.latchkey.domain.auth;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Successful verifications of presented credentials, keyed by the SHA-256 of the full value, so a
 * credential seen recently costs a hash and a map lookup instead of slow hashing, signature checks
 * and database reads. Each entry says when its facts must be read again ({@code revalidateAt}):
 * that interval bounds how late this process notices a change made by another one.
 *
 * <p>Holding the SHA-256 of a high-entropy credential is safe where holding a password's would not
 * be: the input cannot be guessed. A port: production runs Caffeine (bounded, O(1) eviction), the
 * domain's tests an in-memory twin; both pass one contract.
 */
public interface VerificationCache {

    /**
     * One verification: which credential, the stored fact it was proven against ({@code proof}: a
     * key's hash, a token's id), the principal, and when to check the store again.
     */
    record Entry(
            String credentialId, String proof, Principal principal, Optional<Instant> expiresAt, Instant revalidateAt) {

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

    /** The cache key of a presented value; not reversible for a random key. */
    static ByteBuffer fingerprint(String presented) {
        return ByteBuffer.wrap(dev.latchkey.domain.common.Sha256.of(presented));
    }

    Optional<Entry> get(ByteBuffer fingerprint);

    /** Stores the entry, replacing any other entry of the same credential. Never exceeds the bound for long. */
    void put(ByteBuffer fingerprint, Entry entry);

    void remove(ByteBuffer fingerprint);

    /** Forgets a credential at once: called when it is revoked or its expiry changes in this process. */
    void invalidate(String credentialId);

    /** Forgets every entry matching {@code condition}: for rare, wide changes such as "sign out everywhere". */
    void invalidateWhere(Predicate<Entry> condition);

    int size();
}
