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
        clients.computeIfPresent(
                clientId,
                (id, c) -> new OAuthClient(
                        c.clientId(),
                        c.secretHash(),
                        c.authMethod(),
                        c.clientName(),
                        c.redirectUris(),
                        c.scope(),
                        c.issuedAt(),
                        Optional.of(at)));
    }

    @Override
    public int deleteNeverUsedIssuedBefore(Instant cutoff) {
        int before = clients.size();
        clients.values().removeIf(c -> c.lastUsedAt().isEmpty() && c.issuedAt().isBefore(cutoff));
        return before - clients.size();
    }
}
