package dev.latchkey.app;

import dev.latchkey.app.config.UserTokensConfiguration;
import dev.latchkey.crypto.Hs256UserTokenCodec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;
import java.util.Set;

/**
 * Where the HS256 secret for user tokens comes from: the configuration (or {@code LATCHKEY_SECRET_KEY}),
 * or — for the one-command start — a random secret generated once and kept beside the embedded
 * data. A configured secret that is short or a well-known placeholder stops the start, naming the
 * setting: a guessable secret lets anyone mint tokens.
 */
final class UserTokenSecret {
    static final String SETTING = "userTokens.secret (LATCHKEY_SECRET_KEY)";
    private static final Set<String> PLACEHOLDERS = Set.of("changeme", "secret", "secretkey", "yoursecretkey",
            "yoursecret", "replaceme", "changethis", "password", "supersecret", "mysecret", "placeholder", "example",
            "default", "test");
    private static final int GENERATED_BYTES = 48;

    private UserTokenSecret() {
    }

    static byte[] resolve(UserTokensConfiguration config) {
        String configured = config.getSecret();
        if (configured != null && !configured.isEmpty()) {
            return validated(configured);
        }
        return fromFile(Path.of(config.getSecretFile()));
    }

    static byte[] validated(String secret) {
        byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
        if (isPlaceholder(secret)) {
            throw new IllegalStateException(SETTING + " is a well-known placeholder; set a random secret of at "
                    + "least " + Hs256UserTokenCodec.MIN_SECRET_BYTES + " bytes (e.g. openssl rand -base64 48)");
        }
        if (bytes.length < Hs256UserTokenCodec.MIN_SECRET_BYTES) {
            throw new IllegalStateException(SETTING + " is " + bytes.length + " bytes; HS256 needs at least "
                    + Hs256UserTokenCodec.MIN_SECRET_BYTES);
        }
        return bytes;
    }

    private static boolean isPlaceholder(String secret) {
        String letters = secret.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        return PLACEHOLDERS.contains(letters) || letters.contains("changeme") || letters.contains("placeholder")
                || letters.chars().distinct().count() <= 2;
    }

    private static byte[] fromFile(Path file) {
        try {
            if (Files.exists(file)) {
                byte[] secret = Base64.getUrlDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).strip());
                if (secret.length < Hs256UserTokenCodec.MIN_SECRET_BYTES) {
                    throw new IllegalStateException("userTokens.secretFile " + file + " holds a secret that is too short");
                }
                return secret;
            }
            byte[] secret = new byte[GENERATED_BYTES];
            new SecureRandom().nextBytes(secret);
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            Files.writeString(file, Base64.getUrlEncoder().withoutPadding().encodeToString(secret) + "\n",
                    StandardCharsets.US_ASCII);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: the file system's own ACLs apply.
            }
            return secret;
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalStateException("cannot read or create userTokens.secretFile " + file + ": "
                    + e.getMessage(), e);
        }
    }
}
