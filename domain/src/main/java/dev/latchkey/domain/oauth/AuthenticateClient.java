package dev.latchkey.domain.oauth;

/**
 * Client authentication at the token and revocation endpoints (RFC 6749 §2.3). A confidential
 * client must present its secret, by Basic or in the body (both are accepted whichever it
 * registered: clients are inconsistent about it, and either proves possession); a public client
 * presents its id only and is bound by PKCE instead.
 */
public final class AuthenticateClient {
    private final OAuthClients clients;

    public AuthenticateClient(OAuthClients clients) {
        this.clients = clients;
    }

    /** @throws OAuthFailure {@code invalid_client} (a 401) when the client is unknown or its secret wrong */
    public OAuthClient authenticate(ClientCredentials presented) {
        String clientId = presented
                .clientId()
                .filter(id -> !id.isEmpty())
                .orElseThrow(() -> invalid("The request does not identify the client"));
        OAuthClient client = clients.find(clientId).orElseThrow(() -> invalid("Unknown client; register again"));
        if (client.authMethod().usesSecret()) {
            String secret =
                    presented.secret().orElseThrow(() -> invalid("This client must authenticate with its secret"));
            if (!TokenHashes.same(TokenHashes.of(secret), client.secretHash().orElseThrow())) {
                throw invalid("Client authentication failed");
            }
        } else if (presented.secret().isPresent()) {
            throw invalid("This client is registered as public and has no secret");
        }
        return client;
    }

    private static OAuthFailure invalid(String description) {
        return new OAuthFailure(OAuthError.INVALID_CLIENT, description);
    }
}
