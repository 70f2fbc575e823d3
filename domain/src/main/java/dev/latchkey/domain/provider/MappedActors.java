package dev.latchkey.domain.provider;

import dev.latchkey.domain.actor.mapping.ActorMapping;
import dev.latchkey.domain.actor.mapping.ActorMappingStore;
import dev.latchkey.domain.auth.CredentialKind;
import dev.latchkey.domain.auth.Principal;
import dev.latchkey.domain.error.AuthError;
import dev.latchkey.domain.error.AuthFailure;
import dev.latchkey.domain.membership.RoleScopes;
import java.util.Optional;

/**
 * Turns a provider-proven identity into a principal through Latchkey's actor mappings. The tenant
 * is the one the identity's proven organization is bound to — never one chosen by whoever mapped
 * the subject first — so a tenant can map only identities of its own organizations, and an identity
 * cannot resolve to two tenants. Within that tenant the most specific subject with an active mapping
 * wins (the key, then its owner); the organization itself counts only through a mapping made
 * organization-wide on purpose. None → {@code actor_not_mapped}. The mapped role's scopes come from
 * the role table when the role is one of the workspace roles; otherwise none.
 */
public final class MappedActors {
    private final ActorMappingStore mappings;
    private final RoleScopes roleScopes;

    public MappedActors(ActorMappingStore mappings, RoleScopes roleScopes) {
        this.mappings = mappings;
        this.roleScopes = roleScopes;
    }

    public Principal principalOf(String provider, ProviderIdentity identity, CredentialKind kind) {
        Optional<String> organization = identity.organizationId();
        String tenant = organization
                .flatMap(org -> mappings.tenantOfOrganization(provider, org))
                .orElseThrow(() -> new AuthFailure(
                        AuthError.ACTOR_NOT_MAPPED,
                        "This " + provider + " identity" + " belongs to no organization bound to a workspace"));
        for (String subject : identity.subjects()) {
            boolean wholeOrganization = organization.filter(subject::equals).isPresent();
            Optional<ActorMapping> mapping = mappings.find(provider, subject, tenant)
                    .filter(m -> m.actor().isActive())
                    .filter(m -> m.organizationWide() || !wholeOrganization);
            if (mapping.isPresent()) {
                var actor = mapping.get().actor();
                // A token issued for one resource is bound to it, as Latchkey's own OAuth tokens are.
                return new Principal(
                                actor,
                                actor.tenantId(),
                                kind,
                                roleScopes.ofName(actor.role()),
                                identity.credentialId(),
                                Optional.of(identity.validUntil()),
                                Optional.empty(),
                                identity.resource(),
                                identity.impersonator())
                        .from(new Principal.Origin(identity.clientId(), Optional.empty(), Optional.empty()));
            }
        }
        throw new AuthFailure(AuthError.ACTOR_NOT_MAPPED, "This " + provider + " identity has no active actor mapping");
    }
}
