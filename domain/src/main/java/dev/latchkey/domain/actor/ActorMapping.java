package dev.latchkey.domain.actor;

import java.util.Objects;

/**
 * Latchkey's authority over who an external identity is: a provider's subject (a WorkOS
 * {@code user_…}, {@code org_…} or {@code api_key_…}) mapped to an actor with kind, role, tenant,
 * owner scopes and status. The provider proves the identity; this mapping decides what it may do.
 */
public record ActorMapping(String provider, String subject, Actor actor) {

    public ActorMapping {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(actor, "actor");
        if (actor.tenantId().isEmpty()) {
            throw new IllegalArgumentException("a mapped actor belongs to a tenant");
        }
    }
}
