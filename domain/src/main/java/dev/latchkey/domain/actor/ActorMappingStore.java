package dev.latchkey.domain.actor;

import java.util.List;
import java.util.Optional;

/** External identity → actor mappings. Deactivating keeps the row (status inactive). */
public interface ActorMappingStore {

    /** Creates the mapping, or replaces the actor of an existing one for the same provider and subject. */
    void save(ActorMapping mapping);

    Optional<ActorMapping> find(String provider, String subject);

    /** The tenant's mappings, active and inactive, in subject order. */
    List<ActorMapping> listByTenant(String tenantId);
}
