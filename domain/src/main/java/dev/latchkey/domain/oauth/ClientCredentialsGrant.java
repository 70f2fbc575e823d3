package dev.latchkey.domain.oauth;

import dev.latchkey.domain.scope.ScopeSet;

/**
 * The {@code client_credentials} grant (RFC 6749 §4.4) for machine clients a workspace admin
 * created: the client obtains a token for itself, in its workspace, with any part of the scopes its
 * creator gave it and for one protected resource (RFC 8707; Latchkey's own API unless it names
 * another). No refresh token: it authenticates and asks again. A client from open registration has
 * no workspace and no scopes of its own, so it is refused ({@code unauthorized_client}): it acts only
 * for people who approve it.
 */
public final class ClientCredentialsGrant implements TokenGrant {
    static final String CLIENT_CREDENTIALS = "client_credentials";

    private final OAuthTokenIssuer issuer;
    private final ProtectedResources resources;

    public ClientCredentialsGrant(OAuthTokenIssuer issuer, ProtectedResources resources) {
        this.issuer = issuer;
        this.resources = resources;
    }

    @Override
    public String grantType() {
        return CLIENT_CREDENTIALS;
    }

    @Override
    public IssuedTokens grant(OAuthClient client, TokenRequest request) {
        OAuthClient.Machine machine = client.machine()
                .orElseThrow(() -> new OAuthFailure(
                        OAuthError.UNAUTHORIZED_CLIENT,
                        "Only a machine client created in a workspace may use client_credentials"));
        ScopeSet scopes = ScopeWords.within(
                MachineClientPrincipals.capOf(client),
                request.scope(),
                "scope names a scope this client was not given");
        if (scopes.isEmpty()) {
            throw new OAuthFailure(OAuthError.INVALID_SCOPE, "This client was given no scopes");
        }
        String resource = request.resource()
                .map(named -> resources
                        .find(named)
                        .orElseThrow(() -> new OAuthFailure(
                                OAuthError.INVALID_TARGET, "resource is not one this server protects")))
                .orElse(resources.primary());
        return issuer.issueForClient(client, machine.workspaceId(), scopes, resource);
    }
}
