package dev.latchkey.domain.oauth;

import java.util.Objects;
import java.util.Optional;

/**
 * How a client identified itself at the token, revocation or introspection endpoint: the client id,
 * and the secret or the signed assertion ({@code private_key_jwt}, RFC 7523 §2.2) if any. {@code
 * toString} never shows either.
 */
public record ClientCredentials(Optional<String> clientId, Optional<String> secret, Optional<String> assertion) {

    public ClientCredentials {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(assertion, "assertion");
    }

    /** An id and perhaps a secret, no assertion. */
    public ClientCredentials(Optional<String> clientId, Optional<String> secret) {
        this(clientId, secret, Optional.empty());
    }

    @Override
    public String toString() {
        return "ClientCredentials[" + clientId.orElse("?") + (secret.isPresent() ? ", secret redacted" : "")
                + (assertion.isPresent() ? ", assertion redacted" : "") + "]";
    }
}
