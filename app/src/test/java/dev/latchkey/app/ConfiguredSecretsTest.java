package dev.latchkey.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.latchkey.app.config.UserTokensConfiguration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfiguredSecretsTest {

    @TempDir
    Path dir;

    private UserTokensConfiguration config(String secret) {
        return new ObjectMapper()
                .convertValue(
                        Map.of(
                                "secret",
                                secret,
                                "secretFile",
                                dir.resolve("data/user-token-secret").toString()),
                        UserTokensConfiguration.class);
    }

    @Test
    void withNoSecretConfiguredOneIsGeneratedOnceKeptPrivateAndReused() throws Exception {
        byte[] first = ConfiguredSecrets.userTokenSecret(config(""));
        byte[] second = ConfiguredSecrets.userTokenSecret(config(""));

        assertThat(first).hasSizeGreaterThanOrEqualTo(32).isEqualTo(second);
        Path file = dir.resolve("data/user-token-secret");
        assertThat(Files.getPosixFilePermissions(file))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    }

    @Test
    void aShortConfiguredSecretRefusesToStartNamingTheSetting() {
        assertThatThrownBy(() -> ConfiguredSecrets.userTokenSecret(config("too-short-secret")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("userTokens.secret")
                .hasMessageContaining("LATCHKEY_SECRET_KEY");
    }

    @Test
    void placeholderSecretsRefuseToStartEvenWhenLongEnough() {
        for (String placeholder : new String[] {
            "changeme-changeme-changeme-changeme",
            "your-secret-key",
            "CHANGE_ME_IN_PRODUCTION_PLEASE_1234567890",
            "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
        }) {
            assertThatThrownBy(() -> ConfiguredSecrets.userTokenSecret(config(placeholder)))
                    .as(placeholder)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("userTokens.secret");
        }
    }

    @Test
    void theKeyEncryptionKeyIsGeneratedOnceOrMustBe32Base64Bytes() {
        var generated = new ObjectMapper()
                .convertValue(
                        Map.of("keyEncryptionKeyFile", dir.resolve("data/kek").toString()),
                        dev.latchkey.app.config.WorkloadTokensConfiguration.class);
        assertThat(ConfiguredSecrets.keyEncryptionKey(generated))
                .hasSize(32)
                .isEqualTo(ConfiguredSecrets.keyEncryptionKey(generated));

        var shortOne = new ObjectMapper()
                .convertValue(
                        Map.of("keyEncryptionKey", java.util.Base64.getEncoder().encodeToString(new byte[16])),
                        dev.latchkey.app.config.WorkloadTokensConfiguration.class);
        assertThatThrownBy(() -> ConfiguredSecrets.keyEncryptionKey(shortOne))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("workloadTokens.keyEncryptionKey");
    }

    @Test
    void aStrongConfiguredSecretIsUsedAsIs() {
        String strong = "Zq8v3LrX1pN6sK0wT4yB9mC2hD7fJ5gA";

        assertThat(ConfiguredSecrets.userTokenSecret(config(strong)))
                .isEqualTo(strong.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(Files.exists(dir.resolve("data/user-token-secret"))).isFalse();
    }
}
