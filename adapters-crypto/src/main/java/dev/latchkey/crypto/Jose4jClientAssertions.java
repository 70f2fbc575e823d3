package dev.latchkey.crypto;

import dev.latchkey.domain.oauth.ClientAssertions;
import dev.latchkey.domain.oauth.OAuthError;
import dev.latchkey.domain.oauth.OAuthFailure;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.EllipticCurveJsonWebKey;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.EllipticCurves;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;
import org.jose4j.lang.JoseException;

/**
 * {@code private_key_jwt} client assertions (RFC 7523) checked with jose4j against the JWK Set a
 * machine client registered: RS256, PS256 or ES256 only (never {@code none} or an HMAC, which would
 * turn a public key into a shared secret), {@code iss} = {@code sub} = the client, an {@code aud} of
 * ours, a {@code jti}, and an {@code exp} at most {@link ClientAssertions#MAX_LIFETIME} ahead.
 */
public final class Jose4jClientAssertions implements ClientAssertions {
    private static final int CLOCK_SKEW_SECONDS = 30;
    private static final int MAX_KEYS = 10;
    private static final int MAX_JWKS_LENGTH = 20_000;

    private final Clock clock;

    public Jose4jClientAssertions(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Verified verify(String assertion, String clientId, String jwks, List<String> audiences) {
        try {
            JwtClaims claims = new JwtConsumerBuilder()
                    .setJwsAlgorithmConstraints(
                            AlgorithmConstraints.ConstraintType.PERMIT,
                            AlgorithmIdentifiers.RSA_USING_SHA256,
                            AlgorithmIdentifiers.RSA_PSS_USING_SHA256,
                            AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256)
                    .setVerificationKeyResolver(
                            new JwksVerificationKeyResolver(new JsonWebKeySet(jwks).getJsonWebKeys()))
                    .setExpectedIssuer(clientId)
                    .setExpectedSubject(clientId)
                    .setExpectedAudience(audiences.toArray(String[]::new))
                    .setRequireExpirationTime()
                    .setRequireJwtId()
                    .setMaxFutureValidityInMinutes((int) MAX_LIFETIME.toMinutes())
                    .setAllowedClockSkewInSeconds(CLOCK_SKEW_SECONDS)
                    .setEvaluationTime(NumericDate.fromMilliseconds(clock.millis()))
                    .build()
                    .processToClaims(assertion);
            return new Verified(
                    claims.getJwtId(),
                    Instant.ofEpochSecond(claims.getExpirationTime().getValue()));
        } catch (InvalidJwtException e) {
            throw invalid(
                    e.hasExpired()
                            ? "The client assertion has expired"
                            : "The client assertion's signature, issuer, subject, audience or lifetime is not valid");
        } catch (MalformedClaimException | JoseException | IllegalArgumentException e) {
            throw invalid("The client assertion is malformed");
        }
    }

    @Override
    public boolean acceptsKeys(String jwks) {
        if (jwks == null || jwks.length() > MAX_JWKS_LENGTH) {
            return false;
        }
        try {
            List<JsonWebKey> keys = new JsonWebKeySet(jwks).getJsonWebKeys();
            return !keys.isEmpty() && keys.size() <= MAX_KEYS && keys.stream().allMatch(Jose4jClientAssertions::usable);
        } catch (JoseException | IllegalArgumentException | ClassCastException e) {
            return false;
        }
    }

    private static boolean usable(JsonWebKey key) {
        if (!(key instanceof PublicJsonWebKey pub) || pub.getPrivateKey() != null) {
            return false;
        }
        if (key instanceof RsaJsonWebKey rsa) {
            return ((RSAPublicKey) rsa.getPublicKey()).getModulus().bitLength() >= 2048;
        }
        return key instanceof EllipticCurveJsonWebKey ec && EllipticCurves.P_256.equals(ec.getCurveName());
    }

    private static OAuthFailure invalid(String description) {
        return new OAuthFailure(OAuthError.INVALID_CLIENT, description);
    }
}
