package dev.latchkey.domain.actor.mapping;

import java.util.List;
import java.util.Optional;

/**
 * External identity → actor mappings, each inside one tenant, and which tenant each of the
 * provider's organizations belongs to. Two tenants may map the same subject; only the tenant its
 * organization is bound to is ever consulted for it. Deactivating keeps the row (status inactive).
 */
public interface ActorMappingStore {

    /** Creates the mapping, or replaces the actor of the tenant's existing one for the same provider and subject. */
    void save(ActorMapping mapping);

    Optional<ActorMapping> find(String provider, String subject, String tenantId);

    /** The tenant's mappings, active and inactive, in subject order. */
    List<ActorMapping> listByTenant(String tenantId);

    /** Binds the organization to the tenant, replacing any earlier binding of it. */
    void bindOrganization(String provider, String organizationId, String tenantId);

    Optional<String> tenantOfOrganization(String provider, String organizationId);

    /** The organizations bound to the tenant, in id order. */
    List<String> organizationsOf(String provider, String tenantId);
}
