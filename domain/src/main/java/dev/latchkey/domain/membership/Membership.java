package dev.latchkey.domain.membership;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** A user's place in a workspace. Removal keeps the row with {@code removedAt}. */
public record Membership(String workspaceId, String userId, Role role, Instant createdAt, Optional<Instant> removedAt) {

    public Membership {
        Objects.requireNonNull(workspaceId, "workspaceId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(removedAt, "removedAt");
    }

    public boolean isActive() {
        return removedAt.isEmpty();
    }
}
