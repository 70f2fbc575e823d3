package dev.latchkey.domain.actor;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Who is acting: a person, a service or an agent, in at most one tenant, with a role and the
 * owner scopes (studio, artist or resource ids) whose owner-scoped data it may read.
 */
public record Actor(
        String id,
        ActorKind kind,
        ActorStatus status,
        Optional<String> tenantId,
        String role,
        Set<String> ownerScopes) {

    public Actor {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(role, "role");
        if (id.isBlank()) {
            throw new IllegalArgumentException("actor id must not be blank");
        }
        ownerScopes = Set.copyOf(ownerScopes);
    }

    public boolean isActive() {
        return status == ActorStatus.ACTIVE;
    }
}
