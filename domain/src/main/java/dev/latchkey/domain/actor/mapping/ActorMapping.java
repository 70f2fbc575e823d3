package dev.latchkey.domain.actor.mapping;

import dev.latchkey.domain.actor.Actor;
import java.util.Objects;

/**
 * Latchkey's authority over who an external identity is, inside one tenant: a provider's subject (a
 * WorkOS {@code user_…}, {@code org_…} or {@code api_key_…}) mapped to an actor with kind, role,
 * tenant, owner scopes and status. The provider proves the identity; this mapping decides what it
 * may do. A mapping of the tenant's own organization admits every member of it, so it says so
 * ({@code organizationWide}) rather than following from the subject's shape.
 */
public record ActorMapping(String provider, String subject, Actor actor, boolean organizationWide) {

    public ActorMapping {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(actor, "actor");
        if (actor.tenantId().isEmpty()) {
            throw new IllegalArgumentException("a mapped actor belongs to a tenant");
        }
    }

    /** A mapping of one identity (a user, an API key), not of a whole organization. */
    public ActorMapping(String provider, String subject, Actor actor) {
        this(provider, subject, actor, false);
    }

    public String tenantId() {
        return actor.tenantId().orElseThrow();
    }
}
