package dev.latchkey.domain.oauth;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A client application such as Claude, Cursor or an MCP SDK script, registered dynamically
 * (RFC 7591) or described by its own metadata document; or a machine client a workspace admin
 * created ({@link #machine}: bound to that workspace, it obtains tokens for itself with the {@code
 * client_credentials} grant, within the scopes its creator gave it). A confidential client's secret
 * is kept only as its SHA-256; a {@code private_key_jwt} client has its public keys ({@code jwks}, a
 * JWK Set) instead. {@code lastUsedAt} is the last time it obtained tokens, so registered clients that
 * never do can be expired.
 */
public record OAuthClient(
        String clientId,
        Optional<String> secretHash,
        ClientAuthMethod authMethod,
        Optional<String> clientName,
        List<String> redirectUris,
        Optional<String> scope,
        Instant issuedAt,
        Optional<Instant> lastUsedAt,
        Optional<Machine> machine,
        Optional<String> jwks) {

    /** The workspace a machine client belongs to and the person who created it. */
    public record Machine(String workspaceId, String createdBy) {
        public Machine {
            Objects.requireNonNull(workspaceId, "workspaceId");
            Objects.requireNonNull(createdBy, "createdBy");
        }
    }

    /** A client registered or described by a document, acting only for the people who approve it. */
    public OAuthClient(
            String clientId,
            Optional<String> secretHash,
            ClientAuthMethod authMethod,
            Optional<String> clientName,
            List<String> redirectUris,
            Optional<String> scope,
            Instant issuedAt,
            Optional<Instant> lastUsedAt) {
        this(
                clientId,
                secretHash,
                authMethod,
                clientName,
                redirectUris,
                scope,
                issuedAt,
                lastUsedAt,
                Optional.empty(),
                Optional.empty());
    }

    public OAuthClient {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(secretHash, "secretHash");
        Objects.requireNonNull(authMethod, "authMethod");
        Objects.requireNonNull(clientName, "clientName");
        redirectUris = List.copyOf(redirectUris);
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(lastUsedAt, "lastUsedAt");
        Objects.requireNonNull(machine, "machine");
        Objects.requireNonNull(jwks, "jwks");
        if (authMethod.usesSecret() != secretHash.isPresent()) {
            throw new IllegalArgumentException("a client has a secret exactly when its auth method uses one");
        }
        if ((authMethod == ClientAuthMethod.PRIVATE_KEY_JWT) != jwks.isPresent()) {
            throw new IllegalArgumentException("a client has keys exactly when it authenticates with private_key_jwt");
        }
    }

    /** The same client with its use recorded. */
    public OAuthClient usedAt(Instant at) {
        return new OAuthClient(
                clientId,
                secretHash,
                authMethod,
                clientName,
                redirectUris,
                scope,
                issuedAt,
                Optional.of(at),
                machine,
                jwks);
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
