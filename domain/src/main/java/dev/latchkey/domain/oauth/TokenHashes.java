package dev.latchkey.domain.oauth;

import dev.latchkey.domain.auth.VerificationCache;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * How OAuth secrets (codes, tokens, client secrets) are kept at rest: as the hex SHA-256 of the
 * value. A fast hash suffices because every such value carries at least 190 random bits, so the
 * hash cannot be reversed by guessing — and it lets a presented token be found with one indexed read.
 */
public final class TokenHashes {
    private TokenHashes() {}

    public static String of(String value) {
        return of(VerificationCache.fingerprint(value));
    }

    /** The same hash from a fingerprint already computed for the request. */
    public static String of(ByteBuffer fingerprint) {
        ByteBuffer copy = fingerprint.duplicate();
        byte[] bytes = new byte[copy.remaining()];
        copy.get(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** Compares two hashes in time independent of where they differ. */
    public static boolean same(String a, String b) {
        return MessageDigest.isEqual(
                a.getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                b.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }
}
