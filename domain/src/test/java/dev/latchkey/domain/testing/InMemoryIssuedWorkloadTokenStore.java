package dev.latchkey.domain.testing;

import dev.latchkey.domain.workloadtoken.IssuedWorkloadTokenStore;
import dev.latchkey.domain.workloadtoken.WorkloadTokenClaims;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The in-memory twin of the JDBI store; passes the same contract test. */
public final class InMemoryIssuedWorkloadTokenStore implements IssuedWorkloadTokenStore {
    private final Map<String, WorkloadTokenClaims> tokens = new ConcurrentHashMap<>();

    @Override
    public void insert(WorkloadTokenClaims token) {
        tokens.put(token.tokenId(), token);
    }

    @Override
    public List<WorkloadTokenClaims> unexpired(String workloadId, Instant now, int limit) {
        return tokens.values().stream()
                .filter(t -> t.workloadId().equals(workloadId) && t.expiresAt().isAfter(now))
                .sorted(Comparator.comparing(WorkloadTokenClaims::issuedAt)
                        .thenComparing(WorkloadTokenClaims::tokenId)
                        .reversed())
                .limit(limit)
                .toList();
    }

    @Override
    public int deleteExpiredBefore(Instant cutoff) {
        int before = tokens.size();
        tokens.values().removeIf(t -> t.expiresAt().isBefore(cutoff));
        return before - tokens.size();
    }
}
