package dev.latchkey.domain.provider;

import dev.latchkey.domain.actor.ActorMapping;
import dev.latchkey.domain.actor.ActorMappingStore;
import dev.latchkey.domain.auth.CredentialKind;
import dev.latchkey.domain.auth.Principal;
import dev.latchkey.domain.error.AuthError;
import dev.latchkey.domain.error.AuthFailure;
import dev.latchkey.domain.membership.RoleScopes;
import dev.latchkey.domain.scope.ScopeSet;
import java.util.Optional;

/**
 * Turns a provider-proven identity into a principal through Latchkey's actor mappings: the first
 * subject with an active mapping wins; none → {@code actor_not_mapped}. The mapped role's scopes
 * come from the role table when the role is one of the workspace roles; otherwise none.
 */
public final class MappedActors {
    private final ActorMappingStore mappings;
    private final RoleScopes roleScopes;

    public MappedActors(ActorMappingStore mappings, RoleScopes roleScopes) {
        this.mappings = mappings;
        this.roleScopes = roleScopes;
    }

    public Principal principalOf(String provider, ProviderIdentity identity, CredentialKind kind) {
        for (String subject : identity.subjects()) {
            Optional<ActorMapping> mapping = mappings.find(provider, subject).filter(m -> m.actor().isActive());
            if (mapping.isPresent()) {
                var actor = mapping.get().actor();
                return new Principal(actor, actor.tenantId(), kind, scopesOf(actor.role()), identity.credentialId(),
                        Optional.of(identity.validUntil()));
            }
        }
        throw new AuthFailure(AuthError.ACTOR_NOT_MAPPED, "This " + provider + " identity has no active actor mapping");
    }

    private ScopeSet scopesOf(String role) {
        return roleScopes.ofName(role);
    }
}
