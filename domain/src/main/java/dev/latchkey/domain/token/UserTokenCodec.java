package dev.latchkey.domain.token;

/**
 * Signs and verifies Latchkey's user access tokens (JWTs, RFC 7519). Verification checks the
 * signature with the one accepted algorithm, the issuer and the expiry; it never trusts the
 * token's own {@code alg} header to choose how.
 */
public interface UserTokenCodec {

    String sign(UserTokenClaims claims);

    /**
     * @throws dev.latchkey.domain.error.AuthFailure {@code invalid_jwt} for anything but a valid,
     *     unexpired token of ours
     */
    UserTokenClaims verify(String token);

    /** A cheap, unverified look: is this a JWT that claims to be issued by us? No crypto. */
    boolean claimsToBeOurs(String token);
}
