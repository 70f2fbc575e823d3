package dev.latchkey.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class AesGcmSecretSealerTest {
    private static final byte[] KEK = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private final AesGcmSecretSealer sealer = new AesGcmSecretSealer(KEK);
    private final byte[] secret = "webhook signing key, 32 bytes!!!".getBytes(StandardCharsets.US_ASCII);

    @Test
    void aSealedSecretOpensForItsOwnRecordOnlyAndNeverShowsTheSecret() {
        String sealed = sealer.seal(secret, "whk_1");

        assertThat(sealed).doesNotContain("webhook").isNotEqualTo(sealer.seal(secret, "whk_1"));
        assertThat(sealer.open(sealed, "whk_1")).isEqualTo(secret);
        assertThatThrownBy(() -> sealer.open(sealed, "whk_2"))
                .as("copied onto another endpoint's row")
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anotherKeyOrAnEditedValueDoesNotOpen() {
        String sealed = sealer.seal(secret, "whk_1");
        byte[] otherKek = KEK.clone();
        otherKek[0] ^= 1;
        char[] edited = sealed.toCharArray();
        edited[20] = edited[20] == 'A' ? 'B' : 'A';

        assertThatThrownBy(() -> new AesGcmSecretSealer(otherKek).open(sealed, "whk_1"))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> sealer.open(new String(edited), "whk_1")).isInstanceOf(IllegalStateException.class);
    }
}
