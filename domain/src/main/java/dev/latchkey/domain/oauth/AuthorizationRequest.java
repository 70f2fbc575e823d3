package dev.latchkey.domain.oauth;

import dev.latchkey.domain.scope.ScopeSet;
import java.util.Objects;
import java.util.Optional;

/** An authorization request that passed validation: the client may be asked for consent. */
public record AuthorizationRequest(
        OAuthClient client,
        String redirectUri,
        String codeChallenge,
        ScopeSet scopes,
        String resource,
        Optional<String> state) {

    public AuthorizationRequest {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(redirectUri, "redirectUri");
        Objects.requireNonNull(codeChallenge, "codeChallenge");
        Objects.requireNonNull(scopes, "scopes");
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(state, "state");
    }

    /** Where an error or the code goes back to. */
    public OAuthFailure.Redirect redirect() {
        return new OAuthFailure.Redirect(redirectUri, state);
    }
}
