package dev.latchkey.crypto;

import dev.latchkey.domain.auth.JwtShape;
import dev.latchkey.domain.error.AuthError;
import dev.latchkey.domain.error.AuthFailure;
import dev.latchkey.domain.token.UserTokenClaims;
import dev.latchkey.domain.token.UserTokenCodec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.HmacKey;
import org.jose4j.lang.JoseException;

/**
 * User access tokens as HS256 JWTs (RFC 7519, RFC 7518 §3.2) under one shared secret. Only HS256 is
 * accepted on the way in, whatever the header says: {@code none} and algorithm switching (an
 * RS256 public key misused as an HMAC secret) fail before any claim is read.
 */
public final class Hs256UserTokenCodec implements UserTokenCodec {
    /** RFC 7518 §3.2: an HS256 key must be at least as long as the hash output. */
    public static final int MIN_SECRET_BYTES = 32;

    private static final String TENANT = "tenant_id";
    private static final String ROLE = "org_role";
    /**
     * Marks a browser sign-in at Latchkey's pages, with the time of the sign-in (epoch seconds; the
     * boolean {@code true} of earlier sessions means "at iat"): such a token is refused as an API
     * credential.
     */
    private static final String SESSION = "latchkey_session";

    private final HmacKey key;
    private final String issuer;
    private final Clock clock;
    private final Duration leeway;

    public Hs256UserTokenCodec(byte[] secret, String issuer, Clock clock, Duration leeway) {
        if (secret.length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("an HS256 secret needs at least " + MIN_SECRET_BYTES + " bytes");
        }
        this.key = new HmacKey(secret.clone());
        this.issuer = issuer;
        this.clock = clock;
        this.leeway = leeway;
    }

    @Override
    public String sign(UserTokenClaims claims) {
        JwtClaims jwt = new JwtClaims();
        jwt.setIssuer(issuer);
        jwt.setSubject(claims.subject());
        claims.tenantId().ifPresent(tenant -> jwt.setClaim(TENANT, tenant));
        claims.orgRole().ifPresent(role -> jwt.setClaim(ROLE, role));
        jwt.setIssuedAt(NumericDate.fromSeconds(claims.issuedAt().getEpochSecond()));
        jwt.setExpirationTime(NumericDate.fromSeconds(claims.expiresAt().getEpochSecond()));
        jwt.setJwtId(claims.tokenId());
        claims.signedInAt().ifPresent(at -> jwt.setClaim(SESSION, at.getEpochSecond()));
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(jwt.toJson());
        jws.setKey(key);
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.HMAC_SHA256);
        jws.setHeader("typ", "JWT");
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("cannot sign a user token", e);
        }
    }

    @Override
    public UserTokenClaims verify(String token) {
        JwtConsumer consumer = new JwtConsumerBuilder()
                .setJwsAlgorithmConstraints(
                        AlgorithmConstraints.ConstraintType.PERMIT, AlgorithmIdentifiers.HMAC_SHA256)
                .setVerificationKey(key)
                .setExpectedIssuer(issuer)
                .setRequireSubject()
                .setRequireExpirationTime()
                .setRequireIssuedAt()
                .setRequireJwtId()
                .setAllowedClockSkewInSeconds((int) leeway.toSeconds())
                .setEvaluationTime(NumericDate.fromMilliseconds(clock.millis()))
                .setSkipDefaultAudienceValidation()
                .build();
        try {
            JwtClaims claims = consumer.processToClaims(token);
            Instant issuedAt = Instant.ofEpochSecond(claims.getIssuedAt().getValue());
            Object session = claims.getClaimValue(SESSION);
            Optional<Instant> signedInAt = session instanceof Number at
                    ? Optional.of(Instant.ofEpochSecond(at.longValue()))
                    : Boolean.TRUE.equals(session) ? Optional.of(issuedAt) : Optional.empty();
            return new UserTokenClaims(
                    claims.getSubject(),
                    Optional.ofNullable(claims.getStringClaimValue(TENANT)),
                    Optional.ofNullable(claims.getStringClaimValue(ROLE)),
                    issuedAt,
                    Instant.ofEpochSecond(claims.getExpirationTime().getValue()),
                    claims.getJwtId(),
                    signedInAt);
        } catch (InvalidJwtException e) {
            throw new AuthFailure(
                    AuthError.INVALID_JWT,
                    e.hasExpired()
                            ? "The token has expired"
                            : "The token's signature, algorithm, issuer or claims are not valid");
        } catch (MalformedClaimException e) {
            throw new AuthFailure(AuthError.INVALID_JWT, "The token's claims are malformed");
        }
    }

    @Override
    public boolean claimsToBeOurs(String token) {
        return JwtShape.unverifiedIssuer(token).filter(issuer::equals).isPresent();
    }
}
