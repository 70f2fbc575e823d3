package dev.latchkey.domain.testing;

import dev.latchkey.domain.external.ExternalIdentityStore;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The in-memory twin of the JDBI store; passes the same contract test. */
public final class InMemoryExternalIdentityStore implements ExternalIdentityStore {
    private final Map<String, String> userByIdentity = new ConcurrentHashMap<>();

    @Override
    public boolean link(String issuerName, String subject, String userId) {
        return userByIdentity.putIfAbsent(issuerName + "\u0000" + subject, userId) == null;
    }

    @Override
    public Optional<String> findUserId(String issuerName, String subject) {
        return Optional.ofNullable(userByIdentity.get(issuerName + "\u0000" + subject));
    }
}
