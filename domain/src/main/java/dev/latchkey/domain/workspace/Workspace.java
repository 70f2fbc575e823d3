package dev.latchkey.domain.workspace;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** A tenant: the unit that owns credentials, members, usage and audit events. */
public record Workspace(String id, String name, Instant createdAt, Optional<Instant> deletedAt) {

    public static final int MAX_NAME_LENGTH = 200;

    public Workspace {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(deletedAt, "deletedAt");
        if (name.isBlank() || name.length() > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("workspace name must be 1.." + MAX_NAME_LENGTH + " characters");
        }
    }

    public boolean isDeleted() {
        return deletedAt.isPresent();
    }
}
