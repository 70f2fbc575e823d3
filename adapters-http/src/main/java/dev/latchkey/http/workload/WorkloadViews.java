package dev.latchkey.http.workload;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.latchkey.domain.workload.Workload;
import dev.latchkey.domain.workload.WorkloadPolicy;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** The wire shapes of workloads and their policies. */
final class WorkloadViews {

    private WorkloadViews() {}

    /** A workload; {@code secret} only in the registration response. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record WorkloadView(String id, String name, String createdAt, String createdBy, String secret) {
        static WorkloadView of(Workload w, String secret) {
            return new WorkloadView(w.id(), w.name(), w.createdAt().toString(), w.createdBy(), secret);
        }
    }

    /** A policy with its decision; absent decision fields are null. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record PolicyView(
            String id,
            String workloadId,
            List<String> scopes,
            String status,
            String proposedBy,
            String proposedAt,
            String decidedBy,
            String decidedAt) {
        static PolicyView of(WorkloadPolicy p) {
            return new PolicyView(
                    p.id(),
                    p.workloadId(),
                    p.scopes().asStrings(),
                    p.status().name().toLowerCase(Locale.ROOT),
                    p.proposedBy(),
                    p.proposedAt().toString(),
                    p.decidedBy().orElse(null),
                    p.decidedAt().map(Instant::toString).orElse(null));
        }
    }
}
