package dev.latchkey.domain.apikey;

import dev.latchkey.domain.audit.AuditTrail;
import dev.latchkey.domain.audit.Initiator;
import dev.latchkey.domain.auth.Authority;
import dev.latchkey.domain.common.IdGenerator;
import dev.latchkey.domain.common.SecretHasher;
import dev.latchkey.domain.error.AuthFailure;
import dev.latchkey.domain.error.RequestRejected;
import dev.latchkey.domain.scope.ScopeSet;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Creates an API key in a workspace. A caller can never mint a key wider than its own scopes. */
public final class IssueApiKey {
    private static final int PREFIX_COLLISION_RETRIES = 5;

    /** What the caller asked for; scopes default to the caller's own. */
    public record Command(String workspaceId, String name, Optional<ScopeSet> scopes, Optional<Instant> expiresAt) {
        public Command {
            Objects.requireNonNull(workspaceId, "workspaceId");
            Objects.requireNonNull(scopes, "scopes");
            Objects.requireNonNull(expiresAt, "expiresAt");
            if (name == null || name.isBlank() || name.length() > ApiKey.MAX_NAME_LENGTH) {
                throw RequestRejected.invalid(
                        "name is required and must be at most " + ApiKey.MAX_NAME_LENGTH + " characters");
            }
        }
    }

    private final ApiKeyStore keys;
    private final SecretHasher hasher;
    private final IdGenerator ids;
    private final SecureRandom random;
    private final Clock clock;
    private final AuditTrail audit;

    public IssueApiKey(
            ApiKeyStore keys,
            SecretHasher hasher,
            IdGenerator ids,
            SecureRandom random,
            Clock clock,
            AuditTrail audit) {
        this.keys = keys;
        this.hasher = hasher;
        this.ids = ids;
        this.random = random;
        this.clock = clock;
        this.audit = audit;
    }

    /**
     * Issues a key for a caller holding {@code callerScopes}.
     *
     * @throws AuthFailure {@code insufficient_scope} when the requested scopes exceed the caller's
     * @throws RequestRejected when the expiry is not in the future or no scope is requested
     */
    public IssuedApiKey execute(Command command, ScopeSet callerScopes, Initiator initiator) {
        ScopeSet scopes = command.scopes().orElse(callerScopes);
        if (scopes.isEmpty()) {
            throw RequestRejected.invalid("scopes must name at least one scope");
        }
        Authority.requireWithin(callerScopes, scopes, "a new key");
        Instant now = clock.instant();
        if (command.expiresAt().isPresent() && !command.expiresAt().get().isAfter(now)) {
            throw RequestRejected.invalid("expires_at must be in the future");
        }
        IssuedApiKey issued = mint(command.workspaceId(), command.name(), scopes, command.expiresAt(), initiator, now);
        audit.record(
                command.workspaceId(),
                initiator,
                "api_key.created",
                issued.key().id(),
                Map.of(
                        "name",
                        issued.key().name(),
                        "prefix",
                        issued.key().lookupPrefix(),
                        "scopes",
                        scopes.toSpaceSeparated()));
        return issued;
    }

    /** Generates, hashes and stores a key; shared by creation, rolling and workspace bootstrap. */
    IssuedApiKey mint(
            String workspaceId,
            String name,
            ScopeSet scopes,
            Optional<Instant> expiresAt,
            Initiator initiator,
            Instant now) {
        for (int attempt = 0; attempt < PREFIX_COLLISION_RETRIES; attempt++) {
            PlaintextApiKey secret = ApiKeyFormat.generate(random);
            ApiKey key = new ApiKey(
                    ids.newId("key"),
                    workspaceId,
                    name,
                    secret.lookupPrefix(),
                    hasher.hash(secret.value()),
                    scopes,
                    now,
                    initiator.actorId(),
                    expiresAt,
                    Optional.empty(),
                    Optional.empty());
            if (keys.insert(key)) {
                return new IssuedApiKey(key, secret);
            }
        }
        throw new IllegalStateException(
                "could not find a free API key prefix after " + PREFIX_COLLISION_RETRIES + " attempts");
    }
}
