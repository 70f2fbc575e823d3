package dev.latchkey.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class Argon2SecretHasherTest {
    private final Argon2SecretHasher hasher = new Argon2SecretHasher(new Argon2Parameters(1024, 1, 1));

    @Test
    void hashIsArgon2idPhcWithItsParametersAndNotTheSecret() {
        String hash = hasher.hash("sk_live_topsecret");

        assertThat(hash).startsWith("$argon2id$v=19$m=1024,t=1,p=1$").doesNotContain("topsecret");
    }

    @Test
    void verifyAcceptsOnlyTheOriginalSecret() {
        String hash = hasher.hash("sk_live_topsecret");

        assertThat(hasher.verify(hash, "sk_live_topsecret")).isTrue();
        assertThat(hasher.verify(hash, "sk_live_topsecreT")).isFalse();
        assertThat(hasher.verify(hash, "")).isFalse();
    }

    @Test
    void sameSecretHashesDifferentlyEachTimeBecauseOfTheSalt() {
        assertThat(hasher.hash("same")).isNotEqualTo(hasher.hash("same"));
    }

    @Test
    void verifyWhenStoredHashIsCorruptOrForeignThenFalseNotAnException() {
        assertThat(hasher.verify("$argon2id$v=19$m=1024,t=1,p=1$garbage", "x")).isFalse();
        assertThat(hasher.verify("$2a$10$bcryptbcryptbcryptbcryptbc", "x")).isFalse();
        assertThat(hasher.verify("", "x")).isFalse();
    }

    @Test
    void hashesMadeWithOtherParametersStillVerify() {
        String old = new Argon2SecretHasher(new Argon2Parameters(2048, 2, 1)).hash("rotated");

        assertThat(hasher.verify(old, "rotated")).isTrue();
    }

    @Test
    void parametersBelowArgon2sMinimumAreRefused() {
        assertThatThrownBy(() -> new Argon2Parameters(4, 1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Argon2Parameters(1024, 0, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
