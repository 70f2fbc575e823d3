package dev.latchkey.domain.testing;

import dev.latchkey.domain.oauth.OAuthClient;
import dev.latchkey.domain.oauth.OAuthClientStore;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The in-memory twin of the JDBI store; passes the same contract test. */
public final class InMemoryOAuthClientStore implements OAuthClientStore {
    private final Map<String, OAuthClient> clients = new ConcurrentHashMap<>();

    @Override
    public void insert(OAuthClient client) {
        clients.put(client.clientId(), client);
    }

    @Override
    public Optional<OAuthClient> findById(String clientId) {
        return Optional.ofNullable(clients.get(clientId));
    }

    @Override
    public void markUsed(String clientId, Instant at) {
        clients.computeIfPresent(clientId, (id, c) -> c.usedAt(at));
    }

    @Override
    public int deleteNeverUsedIssuedBefore(Instant cutoff) {
        int before = clients.size();
        clients.values()
                .removeIf(c -> c.machine().isEmpty()
                        && c.lastUsedAt().isEmpty()
                        && c.issuedAt().isBefore(cutoff));
        return before - clients.size();
    }

    @Override
    public java.util.List<OAuthClient> listMachineClients(String workspaceId) {
        return clients.values().stream()
                .filter(c -> c.machine()
                        .filter(m -> m.workspaceId().equals(workspaceId))
                        .isPresent())
                .sorted(java.util.Comparator.comparing(OAuthClient::issuedAt).thenComparing(OAuthClient::clientId))
                .toList();
    }

    @Override
    public boolean deleteMachineClient(String workspaceId, String clientId) {
        OAuthClient existing = clients.get(clientId);
        return existing != null
                && existing.machine()
                        .filter(m -> m.workspaceId().equals(workspaceId))
                        .isPresent()
                && clients.remove(clientId, existing);
    }
}
