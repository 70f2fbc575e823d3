package dev.latchkey.domain.oauth;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A client application such as Claude, Cursor or an MCP SDK script, registered dynamically
 * (RFC 7591) or described by its own metadata document. A confidential client's secret is kept
 * only as its SHA-256; {@code lastUsedAt} is the last time it obtained tokens, so clients that never
 * do can be expired.
 */
public record OAuthClient(
        String clientId,
        Optional<String> secretHash,
        ClientAuthMethod authMethod,
        Optional<String> clientName,
        List<String> redirectUris,
        Optional<String> scope,
        Instant issuedAt,
        Optional<Instant> lastUsedAt) {

    public OAuthClient {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(secretHash, "secretHash");
        Objects.requireNonNull(authMethod, "authMethod");
        Objects.requireNonNull(clientName, "clientName");
        redirectUris = List.copyOf(redirectUris);
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(lastUsedAt, "lastUsedAt");
        if (authMethod.usesSecret() != secretHash.isPresent()) {
            throw new IllegalArgumentException("a client has a secret exactly when its auth method uses one");
        }
    }

    /** The name to show a person: the registered name, else the client id. */
    public String displayName() {
        return clientName.orElse(clientId);
    }

    /** Whether {@code presented} is one of this client's redirect URIs (RFC 8252 loopback rule included). */
    public boolean allowsRedirect(String presented) {
        return redirectUris.stream().anyMatch(registered -> RedirectUris.matches(registered, presented));
    }
}
