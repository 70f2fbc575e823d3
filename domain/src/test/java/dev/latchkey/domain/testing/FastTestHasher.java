package dev.latchkey.domain.testing;

import dev.latchkey.domain.common.SecretHasher;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** A quick salted-less stand-in for argon2id in domain unit tests; the real hasher has its own tests. */
public final class FastTestHasher implements SecretHasher {

    @Override
    public String hash(String secret) {
        return "test-sha256$" + sha256(secret);
    }

    @Override
    public boolean verify(String encodedHash, String secret) {
        return MessageDigest.isEqual(
                encodedHash.getBytes(StandardCharsets.UTF_8), hash(secret).getBytes(StandardCharsets.UTF_8));
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
