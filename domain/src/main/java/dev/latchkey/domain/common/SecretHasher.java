package dev.latchkey.domain.common;

/**
 * One-way hashing of secrets (API keys, passwords, client secrets) with a slow, salted function.
 * The encoded hash carries its own parameters, so the cost can be raised without breaking old rows.
 */
public interface SecretHasher {

    /** A self-describing encoded hash (for argon2id, the PHC string form). */
    String hash(String secret);

    /** Whether {@code secret} matches {@code encodedHash}; false for a malformed hash. */
    boolean verify(String encodedHash, String secret);
}
