package dev.latchkey.domain.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class JwtShapeTest {

    private static String jwt(String payloadJson) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString("{\"alg\":\"HS256\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(payloadJson.getBytes(StandardCharsets.UTF_8)) + ".sig";
    }

    @Test
    void unverifiedIssuerReadsTheIssClaimWhereverItStands() {
        assertThat(JwtShape.unverifiedIssuer(jwt("{\"sub\":\"u\",\"iss\" : \"latchkey\",\"exp\":1}")))
                .contains("latchkey");
        assertThat(JwtShape.unverifiedIssuer(jwt("{\"iss\":\"https://api.workos.com/user_management/client_1\"}")))
                .contains("https://api.workos.com/user_management/client_1");
    }

    @Test
    void noIssuerEscapedIssuersAndNonJwtsAreNotRouted() {
        assertThat(JwtShape.unverifiedIssuer(jwt("{\"sub\":\"u\"}"))).isEmpty();
        assertThat(JwtShape.unverifiedIssuer(jwt("{\"iss\":\"lat\\\"chkey\"}"))).isEmpty();
        assertThat(JwtShape.unverifiedIssuer("sk_live_abc")).isEmpty();
        assertThat(JwtShape.unverifiedIssuer("eyJ.%%%.x")).isEmpty();
    }

    @Test
    void unverifiedExpiryReadsWholeSecondsOnly() {
        assertThat(JwtShape.unverifiedExpiry(jwt("{\"sub\":\"u\",\"exp\" : 1700000000}")))
                .contains(java.time.Instant.ofEpochSecond(1_700_000_000L));
        assertThat(JwtShape.unverifiedExpiry(jwt("{\"exp\":1700000000,\"sub\":\"u\"}")))
                .isPresent();
        assertThat(JwtShape.unverifiedExpiry(jwt("{\"exp\":1.7e9}"))).isEmpty();
        assertThat(JwtShape.unverifiedExpiry(jwt("{\"exp\":\"1700000000\"}"))).isEmpty();
        assertThat(JwtShape.unverifiedExpiry(jwt("{\"exp\":99999999999999999999}")))
                .isEmpty();
        assertThat(JwtShape.unverifiedExpiry(jwt("{\"sub\":\"u\"}"))).isEmpty();
        assertThat(JwtShape.unverifiedExpiry("sk_live_abc")).isEmpty();
    }
}
