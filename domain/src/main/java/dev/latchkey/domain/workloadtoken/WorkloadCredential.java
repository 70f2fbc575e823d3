package dev.latchkey.domain.workloadtoken;

import java.util.Objects;
import java.util.Optional;

/** What a workload proves itself with before it gets a token. {@code toString} never shows it. */
public sealed interface WorkloadCredential {

    /** Its own {@code wk_…} secret, by workload id. */
    record Secret(String workloadId, String secret) implements WorkloadCredential {
        public Secret {
            Objects.requireNonNull(workloadId, "workloadId");
            Objects.requireNonNull(secret, "secret");
        }

        @Override
        public String toString() {
            return "Secret[" + workloadId + ", redacted]";
        }
    }

    /**
     * Its platform's signed token (federation); the workload is the one pinned to the token's issuer
     * and subject, and must be {@code workloadId} when the caller names one.
     */
    record PlatformToken(Optional<String> workloadId, String token) implements WorkloadCredential {
        public PlatformToken {
            Objects.requireNonNull(workloadId, "workloadId");
            Objects.requireNonNull(token, "token");
        }

        @Override
        public String toString() {
            return "PlatformToken[" + workloadId.orElse("?") + ", redacted]";
        }
    }
}
