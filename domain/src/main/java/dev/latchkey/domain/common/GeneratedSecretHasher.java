package dev.latchkey.domain.common;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * Hashing for secrets Latchkey generates itself with at least 256 bits of entropy (workload
 * secrets): SHA-256, compared in constant time. A slow password hash buys nothing for such a secret —
 * nobody can guess 256 random bits, however many tries a stolen hash allows — and costs every token
 * request ~30 ms of CPU and 19 MiB of native memory (argon2id), on an endpoint anyone can call. People's
 * passwords, and {@code sk_live_} keys (which seed 004 prescribes be argon2id), keep the slow hash.
 *
 * <p>Rows hashed before this (argon2id, self-describing) still verify through the slow hasher.
 */
public final class GeneratedSecretHasher implements SecretHasher {
    private static final String PREFIX = "sha256$";

    private final SecretHasher earlierRows;

    /** @param earlierRows verifies hashes written before this one (argon2id) */
    public GeneratedSecretHasher(SecretHasher earlierRows) {
        this.earlierRows = earlierRows;
    }

    @Override
    public String hash(String secret) {
        return PREFIX + HexFormat.of().formatHex(sha256(secret));
    }

    @Override
    public boolean verify(String encodedHash, String secret) {
        if (encodedHash == null || secret == null) {
            return false;
        }
        if (!encodedHash.startsWith(PREFIX)) {
            return earlierRows.verify(encodedHash, secret);
        }
        byte[] presented = HexFormat.of().formatHex(sha256(secret)).getBytes(StandardCharsets.US_ASCII);
        byte[] stored = encodedHash.substring(PREFIX.length()).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(presented, stored);
    }

    private static byte[] sha256(String secret) {
        return Sha256.of(secret);
    }
}
