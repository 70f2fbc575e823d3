package dev.latchkey.app;

import dev.latchkey.app.config.UserTokensConfiguration;
import dev.latchkey.app.config.WorkloadTokensConfiguration;
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
 * Where Latchkey's own secrets come from: the configuration (or the environment), or — for the
 * one-command start — random bytes generated once and kept beside the embedded data (0600). The HS256
 * secret for user tokens refuses to start when short or a well-known placeholder, naming the setting:
 * a guessable secret lets anyone mint tokens. The key-encryption key protects signing keys at rest.
 */
final class ConfiguredSecrets {
    static final String SETTING = "userTokens.secret (LATCHKEY_SECRET_KEY)";
    static final String KEK_SETTING = "workloadTokens.keyEncryptionKey (LATCHKEY_KEY_ENCRYPTION_KEY)";
    private static final Set<String> PLACEHOLDERS = Set.of(
            "changeme",
            "secret",
            "secretkey",
            "yoursecretkey",
            "yoursecret",
            "replaceme",
            "changethis",
            "password",
            "supersecret",
            "mysecret",
            "placeholder",
            "example",
            "default",
            "test");
    private static final int GENERATED_BYTES = 48;

    private ConfiguredSecrets() {}

    static byte[] userTokenSecret(UserTokensConfiguration config) {
        String configured = config.getSecret();
        if (configured != null && !configured.isEmpty()) {
            return validated(configured);
        }
        return fromFile(
                Path.of(config.getSecretFile()),
                GENERATED_BYTES,
                Hs256UserTokenCodec.MIN_SECRET_BYTES,
                "userTokens.secretFile");
    }

    /** 32 bytes for AES-256: base64 from {@code workloadTokens.keyEncryptionKey}, or a generated file. */
    static byte[] keyEncryptionKey(WorkloadTokensConfiguration config) {
        String configured = config.getKeyEncryptionKey();
        if (configured != null && !configured.isEmpty()) {
            byte[] key;
            try {
                key = Base64.getDecoder().decode(configured.strip());
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(KEK_SETTING + " is not base64");
            }
            if (key.length != 32) {
                throw new IllegalStateException(KEK_SETTING + " must be 32 bytes (base64 of openssl rand 32)");
            }
            return key;
        }
        return fromFile(Path.of(config.getKeyEncryptionKeyFile()), 32, 32, "workloadTokens.keyEncryptionKeyFile");
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
        return PLACEHOLDERS.contains(letters)
                || letters.contains("changeme")
                || letters.contains("placeholder")
                || letters.chars().distinct().count() <= 2;
    }

    private static byte[] fromFile(Path file, int generatedBytes, int minimumBytes, String setting) {
        try {
            if (Files.exists(file)) {
                byte[] secret = Base64.getUrlDecoder()
                        .decode(Files.readString(file, StandardCharsets.US_ASCII)
                                .strip());
                if (secret.length < minimumBytes) {
                    throw new IllegalStateException(setting + " " + file + " holds a secret that is too short");
                }
                return secret;
            }
            byte[] secret = new byte[generatedBytes];
            new SecureRandom().nextBytes(secret);
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            Files.writeString(
                    file,
                    Base64.getUrlEncoder().withoutPadding().encodeToString(secret) + "\n",
                    StandardCharsets.US_ASCII);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: the file system's own ACLs apply.
            }
            return secret;
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalStateException("cannot read or create " + setting + " " + file + ": " + e.getMessage(), e);
        }
    }
}
