package dev.latchkey.domain.apikey;

import dev.latchkey.domain.scope.ScopeSet;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A stored API key: the non-secret lookup prefix and the slow hash of the full key, never the key.
 * Revoking sets {@code revokedAt} and keeps the row for audit; rolling sets {@code expiresAt}.
 */
public record ApiKey(
        String id,
        String workspaceId,
        String name,
        String lookupPrefix,
        String secretHash,
        ScopeSet scopes,
        Instant createdAt,
        String createdBy,
        Optional<Instant> expiresAt,
        Optional<Instant> revokedAt,
        Optional<Instant> lastUsedAt) {

    public static final int MAX_NAME_LENGTH = 200;

    public ApiKey {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(workspaceId, "workspaceId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(lookupPrefix, "lookupPrefix");
        Objects.requireNonNull(secretHash, "secretHash");
        Objects.requireNonNull(scopes, "scopes");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(createdBy, "createdBy");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(revokedAt, "revokedAt");
        Objects.requireNonNull(lastUsedAt, "lastUsedAt");
        if (lookupPrefix.length() != ApiKeyFormat.LOOKUP_PREFIX_LENGTH) {
            throw new IllegalArgumentException(
                    "lookup prefix must be " + ApiKeyFormat.LOOKUP_PREFIX_LENGTH + " characters");
        }
        if (name.isBlank() || name.length() > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("API key name must be 1.." + MAX_NAME_LENGTH + " characters");
        }
    }

    /** Whether the key authenticates at {@code now}: not revoked and not past its expiry. */
    public boolean isUsableAt(Instant now) {
        return revokedAt.isEmpty() && expiresAt.map(now::isBefore).orElse(true);
    }

    /** {@code active}, {@code revoked} or {@code expired}, as listed to admins. */
    public String statusAt(Instant now) {
        if (revokedAt.isPresent()) {
            return "revoked";
        }
        return isUsableAt(now) ? "active" : "expired";
    }
}
