package dev.latchkey.domain.oauth;

import java.util.Objects;
import java.util.Optional;

/**
 * How a client identified itself at the token or revocation endpoint: the client id, the secret if
 * any, and whether it came in an HTTP Basic header. {@code toString} never shows the secret.
 */
public record ClientCredentials(Optional<String> clientId, Optional<String> secret, boolean viaBasic) {

    public ClientCredentials {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(secret, "secret");
    }

    @Override
    public String toString() {
        return "ClientCredentials[" + clientId.orElse("?") + (secret.isPresent() ? ", secret redacted" : "") + "]";
    }
}
