package dev.latchkey.domain.oauth;

import dev.latchkey.domain.audit.AuditTrail;
import dev.latchkey.domain.audit.Initiator;
import dev.latchkey.domain.auth.Authority;
import dev.latchkey.domain.auth.events.CredentialEvent;
import dev.latchkey.domain.auth.events.CredentialEvents;
import dev.latchkey.domain.common.Base62;
import dev.latchkey.domain.common.IdGenerator;
import dev.latchkey.domain.error.RequestRejected;
import dev.latchkey.domain.scope.ScopeSet;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Machine clients: confidential OAuth clients a workspace admin creates for a service of theirs,
 * bound to the workspace, which obtain their own tokens with {@code client_credentials}. A client's
 * scopes are within its creator's (never wider, as for API keys); it proves itself with a secret
 * (shown once, kept as SHA-256) or with {@code private_key_jwt} against the public keys its creator
 * registered. Deleting one ends its tokens on their next use. Each change is audited.
 */
public final class ManageMachineClients {
    static final int MAX_NAME_LENGTH = 200;
    private static final int SECRET_LENGTH = 43; // ~256 bits of base62

    /** What the creator asked for; scopes default to the creator's own, the method to client_secret_basic. */
    public record Command(String name, Optional<ScopeSet> scopes, Optional<String> authMethod, Optional<String> jwks) {
        public Command {
            Objects.requireNonNull(scopes, "scopes");
            Objects.requireNonNull(authMethod, "authMethod");
            Objects.requireNonNull(jwks, "jwks");
            if (name == null
                    || name.isBlank()
                    || name.length() > MAX_NAME_LENGTH
                    || name.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
                throw RequestRejected.invalid("name is required: at most " + MAX_NAME_LENGTH + " printable characters");
            }
        }
    }

    /** A created client, and its secret when it has one: shown this once. */
    public record Created(OAuthClient client, Optional<String> secret) {
        @Override
        public String toString() {
            return "Created[" + client.clientId() + (secret.isPresent() ? ", secret redacted" : "") + "]";
        }
    }

    private final OAuthClientStore clients;
    private final ClientAssertions assertions;
    private final IdGenerator ids;
    private final SecureRandom random;
    private final Clock clock;
    private final AuditTrail audit;
    private final CredentialEvents events;

    public ManageMachineClients(
            OAuthClientStore clients,
            ClientAssertions assertions,
            IdGenerator ids,
            SecureRandom random,
            Clock clock,
            AuditTrail audit,
            CredentialEvents events) {
        this.clients = clients;
        this.assertions = assertions;
        this.ids = ids;
        this.random = random;
        this.clock = clock;
        this.audit = audit;
        this.events = events;
    }

    /**
     * Creates a machine client in {@code workspaceId} for a caller holding {@code callerScopes}.
     *
     * @throws dev.latchkey.domain.error.AuthFailure {@code insufficient_scope} beyond the caller's scopes
     * @throws RequestRejected for no scopes, an unknown method, or keys that cannot verify anything
     */
    public Created create(String workspaceId, Command command, ScopeSet callerScopes, Initiator initiator) {
        ScopeSet scopes = command.scopes().orElse(callerScopes);
        if (scopes.isEmpty()) {
            throw RequestRejected.invalid("scopes must name at least one scope");
        }
        Authority.requireWithin(callerScopes, scopes, "a machine client");
        ClientAuthMethod method = command.authMethod()
                .map(name -> ClientAuthMethod.fromWire(name)
                        .filter(m -> m != ClientAuthMethod.NONE)
                        .orElseThrow(() -> RequestRejected.invalid("token_endpoint_auth_method must be"
                                + " client_secret_basic, client_secret_post or private_key_jwt")))
                .orElse(ClientAuthMethod.CLIENT_SECRET_BASIC);
        Optional<String> jwks = command.jwks().filter(keys -> !keys.isBlank());
        if (method == ClientAuthMethod.PRIVATE_KEY_JWT) {
            if (jwks.isEmpty() || !assertions.acceptsKeys(jwks.get())) {
                throw RequestRejected.invalid("private_key_jwt needs jwks: a JWK Set of 1 to 10 public signing keys"
                        + " (RSA of at least 2048 bits or EC P-256), no private key");
            }
        } else if (jwks.isPresent()) {
            throw RequestRejected.invalid("jwks is only for private_key_jwt");
        }
        Optional<String> secret =
                method.usesSecret() ? Optional.of(Base62.random(random, SECRET_LENGTH)) : Optional.empty();
        OAuthClient client = new OAuthClient(
                ids.newId("mcl"),
                secret.map(TokenHashes::of),
                method,
                Optional.of(command.name().strip()),
                List.of(),
                Optional.of(scopes.toSpaceSeparated()),
                clock.instant(),
                Optional.empty(),
                Optional.of(new OAuthClient.Machine(workspaceId, initiator.actorId())),
                jwks);
        clients.insert(client);
        audit.record(
                workspaceId,
                initiator,
                "oauth_client.created",
                client.clientId(),
                Map.of(
                        "name",
                        command.name().strip(),
                        "scopes",
                        scopes.toSpaceSeparated(),
                        "method",
                        method.wireName()));
        return new Created(client, secret);
    }

    /** The workspace's machine clients, oldest first. */
    public List<OAuthClient> list(String workspaceId) {
        return clients.listMachineClients(workspaceId);
    }

    /**
     * Deletes a machine client of the workspace; its tokens stop on their next use, here and on every
     * instance that hears the event.
     *
     * @throws RequestRejected not found, also for another workspace's client (which is not told apart)
     */
    public void delete(String workspaceId, String clientId, Initiator initiator) {
        if (!clients.deleteMachineClient(workspaceId, clientId)) {
            throw RequestRejected.notFound("machine client");
        }
        events.publish(new CredentialEvent.ActorChanged(clientId));
        audit.record(workspaceId, initiator, "oauth_client.deleted", clientId, Map.of());
    }
}
