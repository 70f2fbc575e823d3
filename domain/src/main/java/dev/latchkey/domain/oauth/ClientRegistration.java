package dev.latchkey.domain.oauth;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The client metadata of a registration request (RFC 7591 §2), as sent; absent fields are empty. */
public record ClientRegistration(
        List<String> redirectUris,
        Optional<String> tokenEndpointAuthMethod,
        Optional<String> clientName,
        Optional<List<String>> grantTypes,
        Optional<List<String>> responseTypes,
        Optional<String> scope) {

    public ClientRegistration {
        redirectUris = redirectUris == null ? List.of() : List.copyOf(redirectUris);
        Objects.requireNonNull(tokenEndpointAuthMethod, "tokenEndpointAuthMethod");
        Objects.requireNonNull(clientName, "clientName");
        Objects.requireNonNull(grantTypes, "grantTypes");
        Objects.requireNonNull(responseTypes, "responseTypes");
        Objects.requireNonNull(scope, "scope");
    }
}
