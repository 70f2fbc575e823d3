package dev.latchkey.domain.testing;

import dev.latchkey.domain.apikey.ApiKey;
import dev.latchkey.domain.apikey.ApiKeyStore;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/** The in-memory twin of the JDBI store; passes the same contract test. */
public final class InMemoryApiKeyStore implements ApiKeyStore {
    private final Map<String, ApiKey> byId = new ConcurrentHashMap<>();
    /** Lookup prefix → key id: the unique index the database has, so lookups stay O(1) in benchmarks. */
    private final Map<String, String> idByPrefix = new ConcurrentHashMap<>();

    private final java.util.Set<String> rolled = ConcurrentHashMap.newKeySet();
    private volatile boolean unavailable;

    /** Makes every call fail as if the database were down. */
    public void setUnavailable(boolean unavailable) {
        this.unavailable = unavailable;
    }

    @Override
    public synchronized boolean insert(ApiKey key) {
        check();
        if (idByPrefix.containsKey(key.lookupPrefix()) || byId.containsKey(key.id())) {
            return false;
        }
        byId.put(key.id(), key);
        idByPrefix.put(key.lookupPrefix(), key.id());
        return true;
    }

    @Override
    public Optional<ApiKey> findByLookupPrefix(String lookupPrefix) {
        check();
        String id = idByPrefix.get(lookupPrefix);
        return id == null ? Optional.empty() : Optional.ofNullable(byId.get(id));
    }

    @Override
    public Optional<ApiKey> findById(String id) {
        check();
        return Optional.ofNullable(byId.get(id));
    }

    @Override
    public List<ApiKey> listByWorkspace(String workspaceId) {
        check();
        return byId.values().stream()
                .filter(k -> k.workspaceId().equals(workspaceId))
                .sorted(Comparator.comparing(ApiKey::createdAt)
                        .thenComparing(ApiKey::id)
                        .reversed())
                .collect(Collectors.toList());
    }

    @Override
    public synchronized boolean markRevoked(String id, Instant at) {
        check();
        ApiKey key = byId.get(id);
        if (key == null || key.revokedAt().isPresent()) {
            return false;
        }
        byId.put(
                id,
                new ApiKey(
                        key.id(),
                        key.workspaceId(),
                        key.name(),
                        key.lookupPrefix(),
                        key.secretHash(),
                        key.scopes(),
                        key.createdAt(),
                        key.createdBy(),
                        key.expiresAt(),
                        Optional.of(at),
                        key.lastUsedAt()));
        return true;
    }

    @Override
    public boolean markRolled(String id, Instant at) {
        check();
        return byId.containsKey(id) && rolled.add(id);
    }

    @Override
    public synchronized void expireNoLaterThan(String id, Instant at) {
        check();
        ApiKey key = byId.get(id);
        if (key == null) {
            return;
        }
        Instant expiry = key.expiresAt().filter(e -> e.isBefore(at)).orElse(at);
        byId.put(
                id,
                new ApiKey(
                        key.id(),
                        key.workspaceId(),
                        key.name(),
                        key.lookupPrefix(),
                        key.secretHash(),
                        key.scopes(),
                        key.createdAt(),
                        key.createdBy(),
                        Optional.of(expiry),
                        key.revokedAt(),
                        key.lastUsedAt()));
    }

    @Override
    public synchronized void recordLastUsed(Map<String, Instant> lastUsedByKeyId) {
        check();
        lastUsedByKeyId.forEach((id, usedAt) -> {
            ApiKey key = byId.get(id);
            if (key != null && key.lastUsedAt().map(usedAt::isAfter).orElse(true)) {
                byId.put(
                        id,
                        new ApiKey(
                                key.id(),
                                key.workspaceId(),
                                key.name(),
                                key.lookupPrefix(),
                                key.secretHash(),
                                key.scopes(),
                                key.createdAt(),
                                key.createdBy(),
                                key.expiresAt(),
                                key.revokedAt(),
                                Optional.of(usedAt)));
            }
        });
    }

    private void check() {
        if (unavailable) {
            throw new dev.latchkey.domain.common.StoreUnavailable("in-memory store switched off", null);
        }
    }
}
