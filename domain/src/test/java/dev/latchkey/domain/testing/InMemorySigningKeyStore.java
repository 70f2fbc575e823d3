package dev.latchkey.domain.testing;

import dev.latchkey.domain.workloadtoken.SigningKeyStore;
import dev.latchkey.domain.workloadtoken.StoredSigningKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The in-memory twin of the JDBI store; passes the same contract test. */
public final class InMemorySigningKeyStore implements SigningKeyStore {
    private final List<StoredSigningKey> keys = new ArrayList<>();

    @Override
    public synchronized void insert(StoredSigningKey key) {
        keys.add(key);
    }

    @Override
    public synchronized List<StoredSigningKey> list() {
        return keys.stream()
                .sorted(java.util.Comparator.comparing(StoredSigningKey::createdAt)
                        .thenComparing(StoredSigningKey::kid))
                .toList();
    }

    @Override
    public synchronized void retire(String kid, Instant at) {
        keys.replaceAll(k -> k.kid().equals(kid) && k.retiredAt().isEmpty()
                ? new StoredSigningKey(
                        k.kid(),
                        k.publicJwk(),
                        k.encryptedPrivateKey(),
                        k.createdAt(),
                        k.activatesAt(),
                        Optional.of(at))
                : k);
    }
}
