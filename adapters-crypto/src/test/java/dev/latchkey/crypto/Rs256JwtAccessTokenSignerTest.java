package dev.latchkey.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.latchkey.domain.auth.JwtShape;
import dev.latchkey.domain.oauth.JwtAccessTokenClaims;
import dev.latchkey.domain.scope.ScopeSet;
import dev.latchkey.domain.testing.InMemorySigningKeyStore;
import dev.latchkey.domain.testing.MutableClock;
import dev.latchkey.domain.workloadtoken.WorkloadTokenClaims;
import java.time.Duration;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;
import org.junit.jupiter.api.Test;

class Rs256JwtAccessTokenSignerTest {
    private static final String ISSUER = "https://auth.example.com";
    private static final String RESOURCE = "https://notes.example.com/mcp";

    private final MutableClock clock = MutableClock.startingAt("2026-12-01T12:00:00Z");
    private final WorkloadSigningKeys keys = new WorkloadSigningKeys(
            new InMemorySigningKeyStore(),
            new byte[32],
            clock,
            Duration.ZERO,
            Duration.ofMinutes(16),
            Duration.ofMinutes(1));
    private final Rs256JwtAccessTokenSigner signer = new Rs256JwtAccessTokenSigner(keys, ISSUER);

    private String token() {
        return signer.sign(new JwtAccessTokenClaims(
                "oat_1",
                "cli_1",
                "usr_1",
                "ws_1",
                ScopeSet.parseSpaceSeparated("records:read"),
                RESOURCE,
                clock.instant(),
                clock.instant().plus(Duration.ofMinutes(5))));
    }

    /** As RFC 9068 §4 tells a resource server to check it: type, algorithm, issuer, audience, expiry. */
    private JwtClaims verifiedAt(String audience, String jwt) throws InvalidJwtException {
        return new JwtConsumerBuilder()
                .setJwsAlgorithmConstraints(
                        AlgorithmConstraints.ConstraintType.PERMIT, AlgorithmIdentifiers.RSA_USING_SHA256)
                .setVerificationKeyResolver(
                        new JwksVerificationKeyResolver(new JsonWebKeySet(keys.publishedKeys()).getJsonWebKeys()))
                .setExpectedType(true, "at+jwt")
                .setExpectedIssuer(ISSUER)
                .setExpectedAudience(audience)
                .setRequireExpirationTime()
                .setEvaluationTime(NumericDate.fromMilliseconds(clock.millis()))
                .build()
                .processToClaims(jwt);
    }

    @Test
    void aResourceServerVerifiesItWithThePublishedKeysAndReadsTheRfc9068Claims() throws Exception {
        JwtClaims claims = verifiedAt(RESOURCE, token());

        assertThat(claims.getSubject()).isEqualTo("usr_1");
        assertThat(claims.getClaimValue("client_id")).isEqualTo("cli_1");
        assertThat(claims.getClaimValue("scope")).isEqualTo("records:read");
        assertThat(claims.getClaimValue("tenant_id")).isEqualTo("ws_1");
        assertThat(claims.getJwtId()).isEqualTo("oat_1");
        assertThat(claims.getExpirationTime().getValue() - claims.getIssuedAt().getValue())
                .isEqualTo(300);
    }

    @Test
    void anotherResourceAndALateCheckRefuseIt() {
        String jwt = token();
        assertThatThrownBy(() -> verifiedAt("https://files.example.com/mcp", jwt))
                .isInstanceOf(InvalidJwtException.class);
        clock.advance(Duration.ofMinutes(6));
        assertThatThrownBy(() -> verifiedAt(RESOURCE, jwt)).isInstanceOf(InvalidJwtException.class);
    }

    @Test
    void theWorkloadTokenVerifierDoesNotTakeItForAWorkloadToken() {
        Rs256WorkloadTokenCodec workloadTokens = new Rs256WorkloadTokenCodec(keys, ISSUER, ISSUER, clock);
        String accessToken = token();
        String workloadToken = workloadTokens.sign(new WorkloadTokenClaims(
                "wl_1",
                "usr_1",
                "grt_1",
                "ws_1",
                ScopeSet.parseSpaceSeparated("records:read"),
                "wt_1",
                clock.instant(),
                clock.instant().plus(Duration.ofMinutes(5))));

        assertThat(JwtShape.unverifiedType(accessToken)).contains("at+jwt");
        assertThat(workloadTokens.claimsToBeOurs(accessToken)).isFalse();
        assertThat(workloadTokens.claimsToBeOurs(workloadToken)).isTrue();
    }
}
