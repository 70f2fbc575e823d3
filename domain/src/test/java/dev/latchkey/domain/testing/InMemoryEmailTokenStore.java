package dev.latchkey.domain.testing;

import dev.latchkey.domain.user.EmailToken;
import dev.latchkey.domain.user.EmailTokenStore;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The in-memory twin of the JDBI store; passes the same contract test. */
public final class InMemoryEmailTokenStore implements EmailTokenStore {
    private final Map<String, EmailToken> byHash = new ConcurrentHashMap<>();
    private final Set<String> used = ConcurrentHashMap.newKeySet();

    @Override
    public void insert(EmailToken token) {
        byHash.put(token.hash(), token);
    }

    @Override
    public synchronized Optional<EmailToken> consume(String hash, EmailToken.Purpose purpose, Instant now) {
        EmailToken token = byHash.get(hash);
        if (token == null || token.purpose() != purpose || !now.isBefore(token.expiresAt()) || !used.add(hash)) {
            return Optional.empty();
        }
        return Optional.of(token);
    }
}
