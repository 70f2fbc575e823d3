package dev.latchkey.domain.oauth;

/**
 * Signs RFC 9068 JWT access tokens ({@code typ: at+jwt}) with the rotating key ring whose public
 * halves the authorization server publishes at its {@code jwks_uri}, so a resource server can check
 * them without calling Latchkey.
 */
public interface JwtAccessTokenSigner {

    String sign(JwtAccessTokenClaims claims);
}
