package dev.latchkey.domain.workloadtoken;

import dev.latchkey.domain.common.SecretHasher;
import dev.latchkey.domain.error.AuthError;
import dev.latchkey.domain.error.AuthFailure;
import dev.latchkey.domain.workload.Workload;
import dev.latchkey.domain.workload.WorkloadStatus;
import dev.latchkey.domain.workload.WorkloadStore;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * A workload proving itself with its own secret (or, during a rotation's overlap, the one it
 * replaced) before it gets any token. An unknown or deleted workload costs the same hashing as a
 * known one and gets the same answer; "disabled" is said only once the secret is proven.
 */
final class WorkloadProof {
    private final WorkloadStore workloads;
    private final SecretHasher hasher;
    private final Clock clock;
    private final String dummyHash;

    WorkloadProof(WorkloadStore workloads, SecretHasher hasher, Clock clock) {
        this.workloads = workloads;
        this.hasher = hasher;
        this.clock = clock;
        this.dummyHash = hasher.hash("latchkey workload timing equaliser");
    }

    /**
     * @throws AuthFailure {@code invalid_credentials} or {@code workload_disabled}
     */
    Workload prove(String workloadId, String secret) {
        Instant now = clock.instant();
        Optional<Workload> workload = workloads.findById(workloadId).filter(w -> w.status() != WorkloadStatus.DELETED);
        boolean proven = workload.map(w -> w.proves(secret, hasher, now)).orElseGet(() -> {
            hasher.verify(dummyHash, secret);
            return false;
        });
        if (!proven) {
            throw new AuthFailure(AuthError.INVALID_CREDENTIALS, "The workload id or secret is incorrect");
        }
        if (!workload.get().isActive()) {
            throw new AuthFailure(AuthError.WORKLOAD_DISABLED, "Workload " + workloadId + " is disabled");
        }
        return workload.get();
    }
}
