package dev.latchkey.crypto;

import dev.latchkey.domain.auth.JwtShape;
import dev.latchkey.domain.error.AuthError;
import dev.latchkey.domain.error.AuthFailure;
import dev.latchkey.domain.scope.ScopeSet;
import dev.latchkey.domain.workloadtoken.WorkloadTokenClaims;
import dev.latchkey.domain.workloadtoken.WorkloadTokenCodec;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;
import org.jose4j.lang.JoseException;

/**
 * Workload tokens as RFC 9068 access tokens ({@code typ: at+jwt}), signed RS256: verifying RS256 costs
 * ~65 µs of CPU on JDK 17 against ~1.8 ms for ES256, and resource servers verify far more often than
 * Latchkey signs. Keys come from the shared {@link WorkloadSigningKeys} ring; their public halves are
 * published at {@code /.well-known/jwks.json}.
 */
public final class Rs256WorkloadTokenCodec implements WorkloadTokenCodec {
    static final String TYPE = "at+jwt";
    private static final String WORKLOAD_ID_PREFIX = "wl_";
    private static final String DELEGATION = "delegation";
    private static final int CLOCK_SKEW_SECONDS = 30;
    private static final java.time.Duration UNKNOWN_KID_REFRESH = java.time.Duration.ofSeconds(10);

    private final WorkloadSigningKeys keys;
    private final String issuer;
    private final String audience;
    private final Clock clock;

    public Rs256WorkloadTokenCodec(WorkloadSigningKeys keys, String issuer, String audience, Clock clock) {
        this.keys = keys;
        this.issuer = issuer;
        this.audience = audience;
        this.clock = clock;
    }

    @Override
    public String sign(WorkloadTokenClaims claims) {
        JwtClaims jwt = new JwtClaims();
        jwt.setIssuer(issuer);
        jwt.setAudience(audience);
        // RFC 8693 §4.1: the subject is the person the workload acts for; the acting party is in act.
        jwt.setSubject(claims.userId());
        jwt.setClaim("act", actChain(claims));
        if (!claims.through().isEmpty()) {
            // The chain's tokens as well as its workloads, root first: a verifier checks each is still live.
            jwt.setClaim(
                    DELEGATION,
                    claims.through().stream()
                            .map(hop -> Map.of("sub", hop.workloadId(), "jti", hop.tokenId()))
                            .toList());
        }
        jwt.setClaim("grant_id", claims.grantId());
        jwt.setClaim("tenant_id", claims.tenantId());
        jwt.setClaim("scope", claims.scopes().toSpaceSeparated());
        jwt.setJwtId(claims.tokenId());
        jwt.setIssuedAt(NumericDate.fromSeconds(claims.issuedAt().getEpochSecond()));
        jwt.setExpirationTime(NumericDate.fromSeconds(claims.expiresAt().getEpochSecond()));
        return keys.sign(jwt, TYPE);
    }

    /** RFC 8693 §4.1.1: the current actor outermost, each earlier one nested in its {@code act}. */
    private static Map<String, Object> actChain(WorkloadTokenClaims claims) {
        List<String> chain = claims.chain();
        Map<String, Object> act = Map.of("sub", chain.get(0));
        for (int i = 1; i < chain.size(); i++) {
            act = Map.of("sub", chain.get(i), "act", act);
        }
        return act;
    }

    @Override
    public WorkloadTokenClaims verify(String token) {
        try {
            return parse(token);
        } catch (UnknownKey unknown) {
            // Another instance may have rotated in a key we have not read yet; re-read, but not for every
            // made-up kid.
            if (keys.refreshAtMostEvery(UNKNOWN_KID_REFRESH)) {
                try {
                    return parse(token);
                } catch (UnknownKey stillUnknown) {
                    // fall through
                }
            }
            throw new AuthFailure(AuthError.INVALID_JWT, "The token is signed with a key Latchkey does not publish");
        }
    }

    /** The token names a kid we do not hold. */
    private static final class UnknownKey extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }

    private WorkloadTokenClaims parse(String token) {
        try {
            List<JsonWebKey> published = keys.publishedKeys();
            String kid = org.jose4j.jwx.JsonWebStructure.fromCompactSerialization(token)
                    .getKeyIdHeaderValue();
            if (kid != null && published.stream().noneMatch(k -> kid.equals(k.getKeyId()))) {
                throw new UnknownKey();
            }
            JwtClaims claims = new JwtConsumerBuilder()
                    .setJwsAlgorithmConstraints(
                            AlgorithmConstraints.ConstraintType.PERMIT, AlgorithmIdentifiers.RSA_USING_SHA256)
                    .setVerificationKeyResolver(new JwksVerificationKeyResolver(published))
                    .setExpectedType(true, TYPE)
                    .setExpectedIssuer(issuer)
                    .setExpectedAudience(audience)
                    .setRequireExpirationTime()
                    .setRequireSubject()
                    .setRequireJwtId()
                    .setAllowedClockSkewInSeconds(CLOCK_SKEW_SECONDS)
                    .setEvaluationTime(NumericDate.fromMilliseconds(clock.millis()))
                    .build()
                    .processToClaims(token);
            Object act = claims.getClaimValue("act");
            Object acting = act instanceof Map<?, ?> actor ? actor.get("sub") : null;
            if (!(acting instanceof String actorId)) {
                throw new AuthFailure(AuthError.INVALID_JWT, "The token names no acting workload");
            }
            // Tokens signed before 2026-12-01 had the two the other way round (workload in sub); they
            // live five minutes, so this reading only bridges an upgrade. The grant check that follows
            // binds both ids either way.
            List<WorkloadTokenClaims.Hop> through = hops(claims.getClaimValue(DELEGATION));
            boolean earlierLayout = through.isEmpty()
                    && claims.getSubject().startsWith(WORKLOAD_ID_PREFIX)
                    && !actorId.startsWith(WORKLOAD_ID_PREFIX);
            return new WorkloadTokenClaims(
                    earlierLayout ? claims.getSubject() : actorId,
                    earlierLayout ? actorId : claims.getSubject(),
                    claims.getStringClaimValue("grant_id"),
                    claims.getStringClaimValue("tenant_id"),
                    ScopeSet.parseSpaceSeparated(claims.getStringClaimValue("scope")),
                    claims.getJwtId(),
                    Instant.ofEpochSecond(claims.getIssuedAt().getValue()),
                    Instant.ofEpochSecond(claims.getExpirationTime().getValue()),
                    through);
        } catch (InvalidJwtException e) {
            throw new AuthFailure(
                    AuthError.INVALID_JWT,
                    e.hasExpired()
                            ? "The token has expired"
                            : "The token's signature, type, issuer, audience or claims are not valid");
        } catch (MalformedClaimException | NullPointerException | IllegalArgumentException | JoseException e) {
            throw new AuthFailure(AuthError.INVALID_JWT, "The token's claims are malformed");
        }
    }

    private static List<WorkloadTokenClaims.Hop> hops(Object delegation) {
        if (delegation == null) {
            return List.of();
        }
        if (!(delegation instanceof List<?> list) || list.isEmpty()) {
            throw new AuthFailure(AuthError.INVALID_JWT, "The token's delegation chain is malformed");
        }
        List<WorkloadTokenClaims.Hop> hops = new java.util.ArrayList<>();
        for (Object hop : list) {
            if (!(hop instanceof Map<?, ?> map)
                    || !(map.get("sub") instanceof String workload)
                    || !(map.get("jti") instanceof String jti)) {
                throw new AuthFailure(AuthError.INVALID_JWT, "The token's delegation chain is malformed");
            }
            hops.add(new WorkloadTokenClaims.Hop(workload, jti));
        }
        return hops;
    }

    @Override
    public boolean claimsToBeOurs(String token) {
        return JwtShape.unverifiedType(token).filter(TYPE::equalsIgnoreCase).isPresent()
                && JwtShape.unverifiedIssuer(token).filter(issuer::equals).isPresent()
                // The OAuth server's JWT access tokens are at+jwt from the same issuer too; they name a client.
                && !JwtShape.namesClaim(token, "client_id");
    }

    @Override
    public String publicJwks() {
        return new JsonWebKeySet(keys.publishedKeys()).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
    }
}
