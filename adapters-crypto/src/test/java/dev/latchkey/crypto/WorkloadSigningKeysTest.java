package dev.latchkey.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.latchkey.domain.error.AuthError;
import dev.latchkey.domain.error.AuthFailure;
import dev.latchkey.domain.scope.ScopeSet;
import dev.latchkey.domain.testing.InMemorySigningKeyStore;
import dev.latchkey.domain.testing.MutableClock;
import dev.latchkey.domain.workloadtoken.StoredSigningKey;
import dev.latchkey.domain.workloadtoken.WorkloadTokenClaims;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorkloadSigningKeysTest {
    private static final byte[] KEK = new byte[32];
    private final MutableClock clock = MutableClock.startingAt("2026-08-01T12:00:00Z");
    private final InMemorySigningKeyStore store = new InMemorySigningKeyStore();

    private WorkloadSigningKeys ring(byte[] kek) {
        return new WorkloadSigningKeys(
                store, kek, clock, Duration.ofMinutes(10), Duration.ofMinutes(6), Duration.ofMinutes(1));
    }

    private Rs256WorkloadTokenCodec codec(WorkloadSigningKeys keys) {
        return new Rs256WorkloadTokenCodec(keys, "latchkey", "latchkey-internal", clock);
    }

    private String token(Rs256WorkloadTokenCodec codec) {
        return codec.sign(new WorkloadTokenClaims(
                "wl_1",
                "usr_1",
                "grant_1",
                "ws_1",
                ScopeSet.parse(List.of("records:read")),
                "wjti_" + clock.instant().toEpochMilli(),
                clock.instant(),
                clock.instant().plusSeconds(300)));
    }

    private static String kid(String token) {
        return new String(Base64.getUrlDecoder().decode(token.split("\\.")[0]))
                .replaceAll(".*\"kid\":\"([^\"]+)\".*", "$1");
    }

    @Test
    void theFirstKeyIsCreatedOnDemandAndStoredOnlyEncrypted() {
        WorkloadSigningKeys keys = ring(KEK);
        String token = token(codec(keys));

        StoredSigningKey stored = store.list().get(0);
        assertThat(kid(token)).isEqualTo(stored.kid());
        assertThat(stored.publicJwk()).doesNotContain("\"d\"");
        assertThat(stored.encryptedPrivateKey())
                .doesNotContain(Base64.getEncoder()
                        .encodeToString(keys.signingKey().getPrivateKey().getEncoded())
                        .substring(0, 40));
        byte[] wrongKek = new byte[32];
        wrongKek[0] = 1;
        assertThatThrownBy(() -> ring(wrongKek).publishedKeys())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("keyEncryptionKey");
    }

    @Test
    void aRotatedInKeyIsPublishedFirstSignsAfterTheDelayAndTheOldOneFadesOut() {
        WorkloadSigningKeys keys = ring(KEK);
        Rs256WorkloadTokenCodec codec = codec(keys);
        String beforeRotation = token(codec);
        String oldKid = kid(beforeRotation);

        StoredSigningKey rotated = keys.rotate();

        assertThat(codec.publicJwks()).contains(oldKid).contains(rotated.kid());
        assertThat(kid(token(codec)))
                .as("the old key signs until the new one activates")
                .isEqualTo(oldKid);

        clock.advance(Duration.ofMinutes(10));
        String afterActivation = token(codec);
        assertThat(kid(afterActivation)).isEqualTo(rotated.kid());
        assertThat(codec.verify(afterActivation).workloadId()).isEqualTo("wl_1");

        clock.advance(Duration.ofMinutes(6));
        assertThat(codec.publicJwks()).doesNotContain(oldKid);
        assertThatThrownBy(() -> codec.verify(beforeRotation))
                .isInstanceOfSatisfying(
                        AuthFailure.class, f -> assertThat(f.error()).isEqualTo(AuthError.INVALID_JWT));
    }

    @Test
    void algorithmConfusionAndUntypedTokensAreRefused() throws Exception {
        WorkloadSigningKeys keys = ring(KEK);
        Rs256WorkloadTokenCodec codec = codec(keys);
        String genuine = token(codec);
        String payload = genuine.split("\\.")[1];
        String kid = kid(genuine);

        // HS256 "signed" with the published RSA public key as the HMAC secret.
        org.jose4j.jws.JsonWebSignature hs = new org.jose4j.jws.JsonWebSignature();
        hs.setPayload(new String(Base64.getUrlDecoder().decode(payload)));
        hs.setAlgorithmHeaderValue(org.jose4j.jws.AlgorithmIdentifiers.HMAC_SHA256);
        hs.setHeader("typ", "at+jwt");
        hs.setKeyIdHeaderValue(kid);
        hs.setKey(new org.jose4j.keys.HmacKey(keys.signingKey().getPublicKey().getEncoded()));
        String confused = hs.getCompactSerialization();
        String none = Base64.getUrlEncoder()
                        .withoutPadding()
                        .encodeToString(("{\"alg\":\"none\",\"typ\":\"at+jwt\",\"kid\":\"" + kid + "\"}").getBytes())
                + "." + payload + ".";
        String untyped = Base64.getUrlEncoder()
                        .withoutPadding()
                        .encodeToString(("{\"alg\":\"RS256\",\"kid\":\"" + kid + "\"}").getBytes())
                + "." + payload + "."
                + genuine.split("\\.")[2];

        for (String forged : List.of(confused, none, untyped)) {
            assertThatThrownBy(() -> codec.verify(forged))
                    .as(forged)
                    .isInstanceOfSatisfying(
                            AuthFailure.class, f -> assertThat(f.error()).isEqualTo(AuthError.INVALID_JWT));
        }
    }

    @Test
    void anotherInstanceVerifiesTokensOfAKeyItHasNotSeenYet() {
        Rs256WorkloadTokenCodec first = codec(ring(KEK));
        Rs256WorkloadTokenCodec second = codec(ring(KEK));
        token(first);
        second.publicJwks(); // the second instance has read the ring
        ring(KEK).rotate();
        clock.advance(Duration.ofMinutes(10).plusSeconds(1));

        String fresh = token(first);

        assertThat(second.verify(fresh).grantId()).isEqualTo("grant_1");
    }
}
