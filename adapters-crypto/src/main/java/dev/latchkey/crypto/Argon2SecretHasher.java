package dev.latchkey.crypto;

import de.mkammerer.argon2.Argon2;
import de.mkammerer.argon2.Argon2Factory;
import dev.latchkey.domain.common.SecretHasher;

/** argon2id (RFC 9106) through the reference C implementation, PHC-encoded with a random salt. */
public final class Argon2SecretHasher implements SecretHasher {
    private static final String ARGON2ID_PREFIX = "$argon2id$";

    private final Argon2 argon2 = Argon2Factory.create(Argon2Factory.Argon2Types.ARGON2id);
    private final Argon2Parameters parameters;

    public Argon2SecretHasher(Argon2Parameters parameters) {
        this.parameters = parameters;
    }

    @Override
    public String hash(String secret) {
        char[] chars = secret.toCharArray();
        try {
            return argon2.hash(parameters.iterations(), parameters.memoryKib(), parameters.parallelism(), chars);
        } finally {
            argon2.wipeArray(chars);
        }
    }

    @Override
    public boolean verify(String encodedHash, String secret) {
        if (encodedHash == null || !encodedHash.startsWith(ARGON2ID_PREFIX)) {
            return false;
        }
        char[] chars = secret.toCharArray();
        try {
            return argon2.verify(encodedHash, chars);
        } catch (RuntimeException malformed) {
            // A corrupted row must read as "no match", not as a server error on the auth path.
            return false;
        } finally {
            argon2.wipeArray(chars);
        }
    }
}
