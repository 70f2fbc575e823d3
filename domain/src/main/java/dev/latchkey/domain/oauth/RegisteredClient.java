package dev.latchkey.domain.oauth;

import java.util.List;
import java.util.Optional;

/**
 * A registration's result: the client, its secret (shown this once, for confidential clients), and
 * the grant and response types in effect.
 */
public record RegisteredClient(
        OAuthClient client, Optional<String> clientSecret, List<String> grantTypes, List<String> responseTypes) {

    @Override
    public String toString() {
        return "RegisteredClient[" + client.clientId() + ", secret redacted]";
    }
}
