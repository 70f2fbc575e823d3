package dev.latchkey.domain.testing;

import dev.latchkey.domain.actor.mapping.ActorMapping;
import dev.latchkey.domain.actor.mapping.ActorMappingStore;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The in-memory twin of the JDBI store; passes the same contract test. */
public final class InMemoryActorMappingStore implements ActorMappingStore {
    private final Map<String, ActorMapping> byKey = new ConcurrentHashMap<>();
    private final Map<String, String> tenantByOrganization = new ConcurrentHashMap<>();

    private static String key(String... parts) {
        return String.join("\u0000", parts);
    }

    @Override
    public void save(ActorMapping mapping) {
        byKey.put(key(mapping.provider(), mapping.subject(), mapping.tenantId()), mapping);
    }

    @Override
    public Optional<ActorMapping> find(String provider, String subject, String tenantId) {
        return Optional.ofNullable(byKey.get(key(provider, subject, tenantId)));
    }

    @Override
    public List<ActorMapping> listByTenant(String tenantId) {
        return byKey.values().stream()
                .filter(m -> m.tenantId().equals(tenantId))
                .sorted(Comparator.comparing(ActorMapping::subject))
                .toList();
    }

    @Override
    public void bindOrganization(String provider, String organizationId, String tenantId) {
        tenantByOrganization.put(key(provider, organizationId), tenantId);
    }

    @Override
    public Optional<String> tenantOfOrganization(String provider, String organizationId) {
        return Optional.ofNullable(tenantByOrganization.get(key(provider, organizationId)));
    }

    @Override
    public List<String> organizationsOf(String provider, String tenantId) {
        String prefix = key(provider, "");
        return tenantByOrganization.entrySet().stream()
                .filter(e -> e.getKey().startsWith(prefix) && e.getValue().equals(tenantId))
                .map(e -> e.getKey().substring(prefix.length()))
                .sorted()
                .toList();
    }
}
