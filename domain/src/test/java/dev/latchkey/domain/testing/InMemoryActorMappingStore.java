package dev.latchkey.domain.testing;

import dev.latchkey.domain.actor.ActorMapping;
import dev.latchkey.domain.actor.ActorMappingStore;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/** The in-memory twin of the JDBI store; passes the same contract test. */
public final class InMemoryActorMappingStore implements ActorMappingStore {
    private final Map<String, ActorMapping> byKey = new ConcurrentHashMap<>();

    @Override
    public void save(ActorMapping mapping) {
        byKey.put(mapping.provider() + "\u0000" + mapping.subject(), mapping);
    }

    @Override
    public Optional<ActorMapping> find(String provider, String subject) {
        return Optional.ofNullable(byKey.get(provider + "\u0000" + subject));
    }

    @Override
    public List<ActorMapping> listByTenant(String tenantId) {
        return byKey.values().stream().filter(m -> m.actor().tenantId().orElse("").equals(tenantId))
                .sorted(Comparator.comparing(ActorMapping::subject)).collect(Collectors.toList());
    }
}
