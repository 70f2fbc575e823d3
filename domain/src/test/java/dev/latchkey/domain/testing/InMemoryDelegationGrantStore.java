package dev.latchkey.domain.testing;

import dev.latchkey.domain.grant.DelegationGrant;
import dev.latchkey.domain.grant.DelegationGrantStore;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/** The in-memory twin of the JDBI store; passes the same contract test. */
public final class InMemoryDelegationGrantStore implements DelegationGrantStore {
    private final Map<String, DelegationGrant> grants = new ConcurrentHashMap<>();

    @Override
    public void insert(DelegationGrant grant) {
        grants.put(grant.id(), grant);
    }

    @Override
    public Optional<DelegationGrant> findById(String id) {
        return Optional.ofNullable(grants.get(id));
    }

    @Override
    public List<DelegationGrant> listByTenant(String tenantId) {
        return grants.values().stream()
                .filter(g -> g.tenantId().equals(tenantId))
                .sorted(Comparator.comparing(DelegationGrant::createdAt)
                        .thenComparing(DelegationGrant::id)
                        .reversed())
                .collect(Collectors.toList());
    }

    @Override
    public synchronized boolean markRevoked(String id, Instant at) {
        DelegationGrant g = grants.get(id);
        if (g == null || g.revokedAt().isPresent()) {
            return false;
        }
        grants.put(
                id,
                new DelegationGrant(
                        g.id(),
                        g.tenantId(),
                        g.userId(),
                        g.workloadId(),
                        g.requested(),
                        g.createdAt(),
                        g.expiresAt(),
                        Optional.of(at)));
        return true;
    }
}
