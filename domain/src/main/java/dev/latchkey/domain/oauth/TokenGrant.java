package dev.latchkey.domain.oauth;

/** One grant type of the token endpoint. */
public interface TokenGrant {

    /** The {@code grant_type} value it answers. */
    String grantType();

    /** Issues tokens to an authenticated client, or throws an {@link OAuthFailure}. */
    IssuedTokens grant(OAuthClient client, TokenRequest request);
}
