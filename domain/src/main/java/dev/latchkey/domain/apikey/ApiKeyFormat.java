package dev.latchkey.domain.apikey;

import dev.latchkey.domain.common.Base62;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * The shape of Latchkey API keys: {@code sk_live_} + 32 random base62 characters (~190 bits) +
 * a 6-character base62 CRC32 checksum of everything before it. The first 16 characters are the
 * non-secret lookup prefix. The checksum lets a mistyped or made-up key be refused before any
 * database or hashing work.
 */
public final class ApiKeyFormat {
    public static final String PREFIX = "sk_live_";
    public static final int LOOKUP_PREFIX_LENGTH = 16;
    static final int RANDOM_LENGTH = 32;
    static final int CHECKSUM_LENGTH = 6;
    public static final int LENGTH = PREFIX.length() + RANDOM_LENGTH + CHECKSUM_LENGTH;

    private ApiKeyFormat() {}

    public static PlaintextApiKey generate(SecureRandom random) {
        String body = PREFIX + Base62.random(random, RANDOM_LENGTH);
        return new PlaintextApiKey(body + checksum(body));
    }

    /** Whether the value merely claims to be one of ours (cheap routing test, not validation). */
    public static boolean looksLikeApiKey(String value) {
        return value.startsWith("sk_");
    }

    /** The lookup prefix of a well-formed key with a correct checksum; empty for anything else. */
    public static Optional<String> lookupPrefixOf(String value) {
        if (value.length() != LENGTH || !value.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String random = value.substring(PREFIX.length());
        if (!Base62.isBase62(random)) {
            return Optional.empty();
        }
        String body = value.substring(0, LENGTH - CHECKSUM_LENGTH);
        if (!checksum(body).equals(value.substring(LENGTH - CHECKSUM_LENGTH))) {
            return Optional.empty();
        }
        return Optional.of(value.substring(0, LOOKUP_PREFIX_LENGTH));
    }

    private static String checksum(String body) {
        CRC32 crc = new CRC32();
        crc.update(body.getBytes(StandardCharsets.US_ASCII));
        return Base62.fixedWidth(crc.getValue(), CHECKSUM_LENGTH);
    }
}
