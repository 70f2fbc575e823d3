package dev.latchkey.domain.common;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.domain.testing.CountingSecretHasher;
import dev.latchkey.domain.testing.FastTestHasher;
import org.junit.jupiter.api.Test;

class GeneratedSecretHasherTest {
    private final CountingSecretHasher slow = new CountingSecretHasher(new FastTestHasher());
    private final GeneratedSecretHasher hasher = new GeneratedSecretHasher(slow);

    @Test
    void aGeneratedSecretIsHashedOnceWithSha256AndNeverReachesTheSlowHasher() {
        String hash = hasher.hash("wk_secret-of-forty-four-characters-0123456789");

        assertThat(hash).startsWith("sha256$").hasSize("sha256$".length() + 64).doesNotContain("forty-four");
        assertThat(hasher.verify(hash, "wk_secret-of-forty-four-characters-0123456789"))
                .isTrue();
        assertThat(hasher.verify(hash, "wk_secret-of-forty-four-characters-0123456788"))
                .isFalse();
        assertThat(hasher.verify(hash, null)).isFalse();
        assertThat(slow.verifications()).isZero();
    }

    @Test
    void rowsHashedBeforeStillVerifyThroughTheSlowHasher() {
        String earlier = slow.hash("wk_old");

        assertThat(hasher.verify(earlier, "wk_old")).isTrue();
        assertThat(hasher.verify(earlier, "wk_other")).isFalse();
        assertThat(slow.verifications()).isEqualTo(2);
    }
}
