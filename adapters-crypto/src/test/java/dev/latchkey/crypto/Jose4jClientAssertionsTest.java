package dev.latchkey.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.latchkey.domain.oauth.ClientAssertions;
import dev.latchkey.domain.oauth.OAuthError;
import dev.latchkey.domain.oauth.OAuthFailure;
import dev.latchkey.domain.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jose4j.jwk.EcJwkGenerator;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.keys.EllipticCurves;
import org.jose4j.keys.HmacKey;
import org.junit.jupiter.api.Test;

class Jose4jClientAssertionsTest {
    private static final String CLIENT = "mcl_1";
    private static final String TOKEN_ENDPOINT = "https://auth.example.com/oauth/token";

    private final MutableClock clock = MutableClock.startingAt("2026-12-01T12:00:00Z");
    private final Jose4jClientAssertions assertions = new Jose4jClientAssertions(clock);
    private final PublicJsonWebKey rsa = generated();

    private static PublicJsonWebKey generated() {
        try {
            PublicJsonWebKey key = RsaJwkGenerator.generateJwk(2048);
            key.setKeyId("k1");
            return key;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private String jwks() {
        return new JsonWebKeySet(rsa).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
    }

    private String signed(String issuer, String audience, Instant expiresAt, String algorithm) throws Exception {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(issuer);
        claims.setSubject(issuer);
        claims.setAudience(audience);
        claims.setJwtId(UUID.randomUUID().toString());
        claims.setIssuedAt(NumericDate.fromMilliseconds(clock.millis()));
        claims.setExpirationTime(NumericDate.fromSeconds(expiresAt.getEpochSecond()));
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKeyIdHeaderValue("k1");
        jws.setAlgorithmHeaderValue(algorithm);
        jws.setKey(rsa.getPrivateKey());
        return jws.getCompactSerialization();
    }

    private String valid() throws Exception {
        return signed(CLIENT, TOKEN_ENDPOINT, clock.instant().plusSeconds(60), AlgorithmIdentifiers.RSA_USING_SHA256);
    }

    private void assertRefused(String assertion) {
        assertThatThrownBy(() -> assertions.verify(assertion, CLIENT, jwks(), List.of(TOKEN_ENDPOINT)))
                .isInstanceOfSatisfying(
                        OAuthFailure.class, f -> assertThat(f.error()).isEqualTo(OAuthError.INVALID_CLIENT));
    }

    @Test
    void anAssertionSignedWithTheRegisteredKeyNamesItsJtiAndExpiry() throws Exception {
        ClientAssertions.Verified verified = assertions.verify(valid(), CLIENT, jwks(), List.of(TOKEN_ENDPOINT));

        assertThat(verified.jti()).isNotBlank();
        assertThat(verified.expiresAt()).isEqualTo(clock.instant().plusSeconds(60));
    }

    @Test
    void anotherClientAnotherAudienceALateOrALongLivedAssertionIsRefused() throws Exception {
        assertRefused(signed(
                "mcl_2", TOKEN_ENDPOINT, clock.instant().plusSeconds(60), AlgorithmIdentifiers.RSA_USING_SHA256));
        assertRefused(signed(
                CLIENT,
                "https://elsewhere.example/token",
                clock.instant().plusSeconds(60),
                AlgorithmIdentifiers.RSA_USING_SHA256));
        assertRefused(signed(
                CLIENT,
                TOKEN_ENDPOINT,
                clock.instant().plus(Duration.ofHours(1)),
                AlgorithmIdentifiers.RSA_USING_SHA256));
        String assertion = valid();
        clock.advance(Duration.ofMinutes(3));
        assertRefused(assertion);
    }

    @Test
    void aKeyOfAnotherClientAnHmacOnThePublicKeyOrNoSignatureIsRefused() throws Exception {
        PublicJsonWebKey stranger = RsaJwkGenerator.generateJwk(2048);
        stranger.setKeyId("k1");
        JsonWebSignature forged = new JsonWebSignature();
        JwtClaims claims = JwtClaims.parse("{\"iss\":\"mcl_1\",\"sub\":\"mcl_1\",\"aud\":\"" + TOKEN_ENDPOINT
                + "\",\"jti\":\"j\",\"exp\":" + (clock.instant().getEpochSecond() + 60) + "}");
        forged.setPayload(claims.toJson());
        forged.setKeyIdHeaderValue("k1");
        forged.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        forged.setKey(stranger.getPrivateKey());
        assertRefused(forged.getCompactSerialization());

        JsonWebSignature hmac = new JsonWebSignature();
        hmac.setPayload(claims.toJson());
        hmac.setAlgorithmHeaderValue(AlgorithmIdentifiers.HMAC_SHA256);
        hmac.setKey(new HmacKey(rsa.getPublicKey().getEncoded()));
        hmac.setDoKeyValidation(false);
        assertRefused(hmac.getCompactSerialization());

        String[] parts = valid().split("\\.");
        assertRefused("eyJhbGciOiJub25lIn0." + parts[1] + ".");
        assertRefused("not a jwt");
    }

    @Test
    void onlyPublicSigningKeysOfAReasonableSizeAreAccepted() throws Exception {
        assertThat(assertions.acceptsKeys(jwks())).isTrue();
        assertThat(assertions.acceptsKeys(new JsonWebKeySet(EcJwkGenerator.generateJwk(EllipticCurves.P256))
                        .toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY)))
                .isTrue();
        assertThat(assertions.acceptsKeys(new JsonWebKeySet(rsa).toJson(JsonWebKey.OutputControlLevel.INCLUDE_PRIVATE)))
                .as("a private key is never stored")
                .isFalse();
        assertThat(assertions.acceptsKeys(new JsonWebKeySet(RsaJwkGenerator.generateJwk(1024))
                        .toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY)))
                .isFalse();
        assertThat(assertions.acceptsKeys("{\"keys\":[]}")).isFalse();
        assertThat(assertions.acceptsKeys("{\"keys\":[{\"kty\":\"oct\",\"k\":\"c2VjcmV0\"}]}"))
                .isFalse();
        assertThat(assertions.acceptsKeys("[not json")).isFalse();
    }
}
