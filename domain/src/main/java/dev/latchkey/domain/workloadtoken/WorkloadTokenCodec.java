package dev.latchkey.domain.workloadtoken;

/**
 * Signs workload tokens with an asymmetric key whose public half is published as a JWKS, and
 * verifies them: signature by {@code kid}, the one algorithm, {@code typ: at+jwt}, issuer, audience,
 * expiry. Anyone can verify with the published keys; only Latchkey can sign.
 */
public interface WorkloadTokenCodec {

    String sign(WorkloadTokenClaims claims);

    /** @throws dev.latchkey.domain.error.AuthFailure {@code invalid_jwt} for anything but a valid token of ours */
    WorkloadTokenClaims verify(String token);

    /** A cheap, unverified look: {@code typ: at+jwt} and our issuer. */
    boolean claimsToBeOurs(String token);

    /** The public verification keys as a JWK Set document (RFC 7517 §5). */
    String publicJwks();
}
