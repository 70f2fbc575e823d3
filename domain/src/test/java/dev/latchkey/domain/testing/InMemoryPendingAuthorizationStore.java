package dev.latchkey.domain.testing;

import dev.latchkey.domain.oauth.handoff.PendingAuthorization;
import dev.latchkey.domain.oauth.handoff.PendingAuthorizationStore;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/** The in-memory twin of the JDBI store; passes the same contract test. */
public final class InMemoryPendingAuthorizationStore implements PendingAuthorizationStore {
    private final Map<String, PendingAuthorization> pending = new ConcurrentHashMap<>();

    @Override
    public void insert(PendingAuthorization p) {
        pending.put(p.idHash(), p);
    }

    @Override
    public Optional<PendingAuthorization> findByIdHash(String idHash) {
        return Optional.ofNullable(pending.get(idHash));
    }

    @Override
    public boolean decide(String idHash, PendingAuthorization.Decision decision) {
        AtomicBoolean recorded = new AtomicBoolean();
        pending.computeIfPresent(idHash, (id, p) -> {
            if (p.decision().isPresent()) {
                return p;
            }
            recorded.set(true);
            return new PendingAuthorization(
                    p.idHash(),
                    p.query(),
                    p.browserHash(),
                    p.createdAt(),
                    p.expiresAt(),
                    Optional.of(decision),
                    p.completedAt());
        });
        return recorded.get();
    }

    @Override
    public boolean complete(String idHash, Instant at) {
        AtomicBoolean completed = new AtomicBoolean();
        pending.computeIfPresent(idHash, (id, p) -> {
            if (p.completedAt().isPresent()) {
                return p;
            }
            completed.set(true);
            return new PendingAuthorization(
                    p.idHash(),
                    p.query(),
                    p.browserHash(),
                    p.createdAt(),
                    p.expiresAt(),
                    p.decision(),
                    Optional.of(at));
        });
        return completed.get();
    }

    @Override
    public int deleteExpiredBefore(Instant cutoff) {
        int before = pending.size();
        pending.values().removeIf(p -> p.expiresAt().isBefore(cutoff));
        return before - pending.size();
    }
}
