package dev.latchkey.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.latchkey.domain.error.AuthError;
import dev.latchkey.domain.error.AuthFailure;
import dev.latchkey.domain.token.UserTokenClaims;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Optional;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.keys.HmacKey;
import org.junit.jupiter.api.Test;

class Hs256UserTokenCodecTest {
    private static final byte[] SECRET = "0123456789abcdef0123456789abcdef-test".getBytes(StandardCharsets.UTF_8);
    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final Hs256UserTokenCodec codec =
            new Hs256UserTokenCodec(SECRET, "latchkey", clock, Duration.ofSeconds(30));

    private static UserTokenClaims claims(Instant expiresAt) {
        return new UserTokenClaims(
                "usr_1", Optional.of("ws_1"), Optional.of("owner"), NOW.minusSeconds(60), expiresAt, "jti_1");
    }

    private static void assertInvalidJwt(Runnable call) {
        assertThatThrownBy(call::run)
                .isInstanceOfSatisfying(
                        AuthFailure.class, f -> assertThat(f.error()).isEqualTo(AuthError.INVALID_JWT));
    }

    /** A token with our issuer and claims, signed however the test likes. */
    private static String forged(String alg, java.security.Key key) throws Exception {
        JwtClaims jwt = new JwtClaims();
        jwt.setIssuer("latchkey");
        jwt.setSubject("usr_1");
        jwt.setIssuedAt(NumericDate.fromSeconds(NOW.getEpochSecond()));
        jwt.setExpirationTime(NumericDate.fromSeconds(NOW.getEpochSecond() + 3600));
        jwt.setJwtId("jti_x");
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(jwt.toJson());
        jws.setAlgorithmHeaderValue(alg);
        if (key == null) {
            jws.setAlgorithmConstraints(org.jose4j.jwa.AlgorithmConstraints.NO_CONSTRAINTS);
        } else {
            jws.setKey(key);
        }
        return jws.getCompactSerialization();
    }

    @Test
    void signedClaimsVerifyToTheSameClaims() {
        UserTokenClaims original = claims(NOW.plusSeconds(3600));

        String token = codec.sign(original);

        assertThat(token).startsWith("eyJ").contains(".");
        assertThat(codec.verify(token)).isEqualTo(original);
        assertThat(codec.claimsToBeOurs(token)).isTrue();
    }

    @Test
    void aSessionKeepsItsSignInTimeAndEarlierSessionsReadAsSignedInAtIssue() throws Exception {
        UserTokenClaims session = new UserTokenClaims(
                "usr_1",
                Optional.of("ws_1"),
                Optional.of("owner"),
                NOW,
                NOW.plusSeconds(1800),
                "ses_1",
                Optional.of(NOW.minusSeconds(7200)));
        assertThat(codec.verify(codec.sign(session))).isEqualTo(session);

        JwtClaims earlier = new JwtClaims();
        earlier.setIssuer("latchkey");
        earlier.setSubject("usr_1");
        earlier.setIssuedAt(NumericDate.fromSeconds(NOW.getEpochSecond()));
        earlier.setExpirationTime(NumericDate.fromSeconds(NOW.getEpochSecond() + 600));
        earlier.setJwtId("ses_0");
        earlier.setClaim("latchkey_session", true);
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(earlier.toJson());
        jws.setKey(new HmacKey(SECRET));
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.HMAC_SHA256);
        assertThat(codec.verify(jws.getCompactSerialization()).signedInAt()).contains(NOW);
    }

    @Test
    void claimsWithoutTenantRoundTripAsEmpty() {
        UserTokenClaims bare =
                new UserTokenClaims("usr_2", Optional.empty(), Optional.empty(), NOW, NOW.plusSeconds(60), "jti_2");

        assertThat(codec.verify(codec.sign(bare))).isEqualTo(bare);
    }

    @Test
    void expiredBeyondTheLeewayIsInvalidButWithinItIsAccepted() {
        assertThat(codec.verify(codec.sign(claims(NOW.minusSeconds(10))))).isNotNull();
        assertThatThrownBy(() -> codec.verify(codec.sign(claims(NOW.minusSeconds(31)))))
                .isInstanceOfSatisfying(
                        AuthFailure.class, f -> assertThat(f.detail()).contains("expired"));
    }

    @Test
    void anotherSecretsSignatureIsInvalid() {
        Hs256UserTokenCodec other = new Hs256UserTokenCodec(
                "another-secret-another-secret-123".getBytes(StandardCharsets.UTF_8),
                "latchkey",
                clock,
                Duration.ofSeconds(30));

        assertInvalidJwt(() -> codec.verify(other.sign(claims(NOW.plusSeconds(60)))));
    }

    @Test
    void anotherIssuerIsInvalidAndNotClaimedAsOurs() {
        Hs256UserTokenCodec foreign = new Hs256UserTokenCodec(SECRET, "someone-else", clock, Duration.ofSeconds(30));
        String token = foreign.sign(claims(NOW.plusSeconds(60)));

        assertThat(codec.claimsToBeOurs(token)).isFalse();
        assertInvalidJwt(() -> codec.verify(token));
    }

    @Test
    void algNoneIsRefused() throws Exception {
        String unsigned = forged(AlgorithmIdentifiers.NONE, null);

        assertThat(codec.claimsToBeOurs(unsigned)).isTrue();
        assertInvalidJwt(() -> codec.verify(unsigned));
    }

    @Test
    void rs256TokensAreRefusedEvenWithOurIssuer() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();

        assertInvalidJwt(
                () -> codec.verify(uncheck(() -> forged(AlgorithmIdentifiers.RSA_USING_SHA256, pair.getPrivate()))));
    }

    @Test
    void hs512WithTheSameSecretIsRefusedBecauseOnlyHs256IsAccepted() throws Exception {
        byte[] longSecret = new byte[64];
        System.arraycopy(SECRET, 0, longSecret, 0, SECRET.length);

        assertInvalidJwt(
                () -> codec.verify(uncheck(() -> forged(AlgorithmIdentifiers.HMAC_SHA512, new HmacKey(longSecret)))));
    }

    @Test
    void tamperedPayloadIsInvalid() {
        String token = codec.sign(claims(NOW.plusSeconds(60)));
        String[] parts = token.split("\\.");
        String payload =
                new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8).replace("usr_1", "usr_9");
        String tampered = parts[0] + "."
                + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "."
                + parts[2];

        assertInvalidJwt(() -> codec.verify(tampered));
    }

    @Test
    void garbageIsInvalidAndNeverClaimedAsOurs() {
        assertThat(codec.claimsToBeOurs("sk_live_abc")).isFalse();
        assertThat(codec.claimsToBeOurs("eyJ.not-base64!.x")).isFalse();
        assertInvalidJwt(() -> codec.verify("eyJhbGciOiJIUzI1NiJ9.e30.c2ln"));
    }

    @Test
    void shortSecretsAreRefused() {
        assertThatThrownBy(() -> new Hs256UserTokenCodec(new byte[31], "latchkey", clock, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private interface Forge {
        String get() throws Exception;
    }

    private static String uncheck(Forge forge) {
        try {
            return forge.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
