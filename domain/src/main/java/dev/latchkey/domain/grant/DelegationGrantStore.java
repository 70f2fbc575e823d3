package dev.latchkey.domain.grant;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Delegation grants; revoking keeps the row. */
public interface DelegationGrantStore {

    void insert(DelegationGrant grant);

    Optional<DelegationGrant> findById(String id);

    List<DelegationGrant> listByTenant(String tenantId);

    /** Sets {@code revokedAt} unless already revoked; true when this call revoked it. */
    boolean markRevoked(String id, Instant at);
}
