package dev.latchkey.domain.common;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * SHA-256 of a string, with one digest per thread: every request fingerprints its credential, and
 * {@code MessageDigest.getInstance} on each one (a provider lookup and a fresh digest's buffers)
 * was a twentieth of forward-auth's allocation.
 */
public final class Sha256 {
    private static final ThreadLocal<MessageDigest> DIGEST = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK ships SHA-256", e);
        }
    });

    private Sha256() {}

    /** The digest of {@code text} as UTF-8. */
    public static byte[] of(String text) {
        // digest() resets the digest, so it is ready for the thread's next call.
        return DIGEST.get().digest(text.getBytes(StandardCharsets.UTF_8));
    }
}
