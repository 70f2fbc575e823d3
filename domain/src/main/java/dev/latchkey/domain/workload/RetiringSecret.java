package dev.latchkey.domain.workload;

import java.time.Instant;
import java.util.Objects;

/**
 * The secret a rotation replaced, still accepted until {@code until} so that a fleet can pick up the
 * new one without an outage. Only its hash is kept, like the current one's.
 */
public record RetiringSecret(String hash, Instant until) {
    public RetiringSecret {
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(until, "until");
    }
}
