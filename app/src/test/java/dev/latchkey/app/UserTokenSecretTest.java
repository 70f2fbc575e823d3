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

class UserTokenSecretTest {

    @TempDir
    Path dir;

    private UserTokensConfiguration config(String secret) {
        return new ObjectMapper().convertValue(Map.of("secret", secret,
                "secretFile", dir.resolve("data/user-token-secret").toString()), UserTokensConfiguration.class);
    }

    @Test
    void withNoSecretConfiguredOneIsGeneratedOnceKeptPrivateAndReused() throws Exception {
        byte[] first = UserTokenSecret.resolve(config(""));
        byte[] second = UserTokenSecret.resolve(config(""));

        assertThat(first).hasSizeGreaterThanOrEqualTo(32).isEqualTo(second);
        Path file = dir.resolve("data/user-token-secret");
        assertThat(Files.getPosixFilePermissions(file)).containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ,
                PosixFilePermission.OWNER_WRITE);
    }

    @Test
    void aShortConfiguredSecretRefusesToStartNamingTheSetting() {
        assertThatThrownBy(() -> UserTokenSecret.resolve(config("too-short-secret")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("userTokens.secret").hasMessageContaining("LATCHKEY_SECRET_KEY");
    }

    @Test
    void placeholderSecretsRefuseToStartEvenWhenLongEnough() {
        for (String placeholder : new String[] {"changeme-changeme-changeme-changeme", "your-secret-key",
            "CHANGE_ME_IN_PRODUCTION_PLEASE_1234567890", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"}) {
            assertThatThrownBy(() -> UserTokenSecret.resolve(config(placeholder))).as(placeholder)
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("userTokens.secret");
        }
    }

    @Test
    void aStrongConfiguredSecretIsUsedAsIs() {
        String strong = "Zq8v3LrX1pN6sK0wT4yB9mC2hD7fJ5gA";

        assertThat(UserTokenSecret.resolve(config(strong))).isEqualTo(strong.getBytes(
                java.nio.charset.StandardCharsets.UTF_8));
        assertThat(Files.exists(dir.resolve("data/user-token-secret"))).isFalse();
    }
}
