package dev.latchkey.domain.oauth;

import java.util.Objects;
import java.util.Optional;

/**
 * How a client identified itself at the token or revocation endpoint: the client id, and the
 * secret if any. {@code toString} never shows the secret.
 */
public record ClientCredentials(Optional<String> clientId, Optional<String> secret) {

    public ClientCredentials {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(secret, "secret");
    }

    @Override
    public String toString() {
        return "ClientCredentials[" + clientId.orElse("?") + (secret.isPresent() ? ", secret redacted" : "") + "]";
    }
}
