package dev.latchkey.domain.oauth;

import java.util.Optional;

/**
 * Token revocation (RFC 7009). Either token of a pair revokes its whole family: a client signing
 * out means none of its tokens should live on. Unknown tokens, and tokens of other clients, are
 * answered the same way as a success (§2.2), so the endpoint cannot be used to probe for tokens.
 */
public final class RevokeOAuthToken {
    private final AuthenticateClient authenticateClient;
    private final OAuthTokenStore tokens;
    private final SealedMachineTokens sealed;
    private final OAuthRevocations revocations;

    public RevokeOAuthToken(
            AuthenticateClient authenticateClient,
            OAuthTokenStore tokens,
            SealedMachineTokens sealed,
            OAuthRevocations revocations) {
        this.authenticateClient = authenticateClient;
        this.tokens = tokens;
        this.sealed = sealed;
        this.revocations = revocations;
    }

    public void revoke(ClientCredentials credentials, Optional<String> token, Optional<String> tokenTypeHint) {
        OAuthClient client = authenticateClient.authenticate(credentials);
        String presented = token.filter(t -> !t.isEmpty())
                .orElseThrow(() -> new OAuthFailure(OAuthError.INVALID_REQUEST, "token is required"));
        if (sealed.holds(presented)) {
            sealed.open(presented)
                    .filter(t -> t.clientId().equals(client.clientId()))
                    .ifPresent(revocations::revokeSealed);
            return;
        }
        String hash = TokenHashes.of(presented);
        boolean refreshFirst = tokenTypeHint.filter("refresh_token"::equals).isPresent();
        Optional<OAuthToken> found = refreshFirst
                ? tokens.findByRefreshHash(hash).or(() -> tokens.findByAccessHash(hash))
                : tokens.findByAccessHash(hash).or(() -> tokens.findByRefreshHash(hash));
        found.filter(t -> t.clientId().equals(client.clientId()))
                .ifPresent(t -> revocations.revokeFamily(t.familyId()));
    }
}
