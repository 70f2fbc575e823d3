package dev.latchkey.domain.oauth;

import dev.latchkey.domain.scope.ScopeSet;
import java.util.Optional;

/**
 * Checks an authorization request (RFC 6749 §4.1.1 with OAuth 2.1's mandatory S256 PKCE). The
 * client and its redirect URI are checked first: until both are trusted, an error is shown to the
 * person in the browser, never sent to a URI an attacker may have chosen. After that, errors go
 * back to the client's redirect URI.
 */
public final class ValidateAuthorizationRequest {
    private final OAuthClients clients;
    private final ProtectedResources resources;
    private final OAuthSettings settings;

    public ValidateAuthorizationRequest(OAuthClients clients, ProtectedResources resources, OAuthSettings settings) {
        this.clients = clients;
        this.resources = resources;
        this.settings = settings;
    }

    public AuthorizationRequest validate(AuthorizationParameters p) {
        String clientId = p.clientId()
                .orElseThrow(() -> new OAuthFailure(OAuthError.INVALID_REQUEST, "The request names no client_id"));
        OAuthClient client = clients.find(clientId)
                .orElseThrow(() -> new OAuthFailure(
                        OAuthError.INVALID_CLIENT,
                        "No client is registered with this client_id; the application should register again"));
        String redirectUri = redirectUriOf(client, p.redirectUri());
        OAuthFailure.Redirect back = new OAuthFailure.Redirect(redirectUri, p.state());

        if (!p.responseType().filter("code"::equals).isPresent()) {
            throw OAuthFailure.redirected(OAuthError.UNSUPPORTED_RESPONSE_TYPE, "response_type must be code", back);
        }
        if (!p.codeChallengeMethod().filter(Pkce.S256::equals).isPresent()) {
            throw OAuthFailure.redirected(
                    OAuthError.INVALID_REQUEST, "PKCE is required with code_challenge_method=S256", back);
        }
        String challenge = p.codeChallenge()
                .filter(Pkce::isWellFormedChallenge)
                .orElseThrow(() -> OAuthFailure.redirected(
                        OAuthError.INVALID_REQUEST,
                        "code_challenge must be the base64url SHA-256 of the code verifier",
                        back));
        ScopeSet scopes = scopesOf(p.scope().or(client::scope), back);
        String resource = p.resource()
                .map(presented -> resources
                        .find(presented)
                        .orElseThrow(() -> OAuthFailure.redirected(
                                OAuthError.INVALID_TARGET, "resource is not an API this server protects", back)))
                .orElse(resources.primary());
        return new AuthorizationRequest(client, redirectUri, challenge, scopes, resource, p.state());
    }

    private static String redirectUriOf(OAuthClient client, Optional<String> presented) {
        if (presented.isEmpty()) {
            if (client.redirectUris().size() == 1) {
                return client.redirectUris().get(0); // RFC 6749 §3.1.2.3: the only one registered
            }
            throw new OAuthFailure(OAuthError.INVALID_REQUEST, "The request names no redirect_uri");
        }
        if (!client.allowsRedirect(presented.get())) {
            throw new OAuthFailure(
                    OAuthError.INVALID_REQUEST,
                    "redirect_uri is not one the client registered, so it cannot be trusted");
        }
        return presented.get();
    }

    private ScopeSet scopesOf(Optional<String> requested, OAuthFailure.Redirect back) {
        Optional<String> text = requested.map(String::strip).filter(s -> !s.isEmpty());
        if (text.isEmpty()) {
            return settings.defaultScopes();
        }
        ScopeSet scopes;
        try {
            scopes = ScopeWords.offered(text.get(), settings.supportedScopes());
        } catch (IllegalArgumentException e) {
            throw OAuthFailure.redirected(OAuthError.INVALID_SCOPE, e.getMessage(), back);
        }
        // Nothing this server offers was asked for (say only "openid"): the defaults, as if none was named.
        return scopes.isEmpty() ? settings.defaultScopes() : scopes;
    }
}
