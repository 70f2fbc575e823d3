package dev.latchkey.domain.workloadtoken;

import java.time.Instant;
import java.util.List;

/**
 * What Latchkey issued as workload tokens: each token's claims, never the token. A workload token is
 * verified by its signature, so nothing else would say which of them are still out there; this is
 * what lets an admin list a workload's outstanding tokens before disabling it or rotating its secret.
 */
public interface IssuedWorkloadTokenStore {

    void insert(WorkloadTokenClaims token);

    /** The workload's tokens that have not expired at {@code now}, newest first, at most {@code limit}. */
    List<WorkloadTokenClaims> unexpired(String workloadId, Instant now, int limit);

    /** Forgets tokens that expired before {@code cutoff}; returns how many. */
    int deleteExpiredBefore(Instant cutoff);
}
