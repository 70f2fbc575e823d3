package dev.latchkey.http.workload;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.latchkey.domain.workload.Workload;
import dev.latchkey.domain.workload.WorkloadPolicy;
import dev.latchkey.domain.workload.lifecycle.WorkloadLifecycle;
import dev.latchkey.domain.workloadtoken.WorkloadTokenClaims;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The wire shapes of workloads and their policies. */
final class WorkloadViews {

    private WorkloadViews() {}

    /** A workload; {@code secret} only in the registration response. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record WorkloadView(
            String id,
            String name,
            String status,
            String createdAt,
            String createdBy,
            String secret,
            String previousSecretValidUntil,
            Map<String, String> federation) {
        static WorkloadView of(Workload w, String secret) {
            return new WorkloadView(
                    w.id(),
                    w.name(),
                    w.status().name().toLowerCase(Locale.ROOT),
                    w.createdAt().toString(),
                    w.createdBy(),
                    secret,
                    w.retiringSecret().map(r -> r.until().toString()).orElse(null),
                    w.federation()
                            .map(f -> Map.of("issuer", f.issuer(), "subject", f.subject()))
                            .orElse(null));
        }
    }

    /** A token Latchkey issued to the workload that has not expired; never the token itself. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record TokenView(
            String jti,
            String grantId,
            String userId,
            List<String> scopes,
            String issuedAt,
            String expiresAt,
            boolean revoked) {
        static TokenView of(WorkloadLifecycle.OutstandingToken token) {
            WorkloadTokenClaims t = token.claims();
            return new TokenView(
                    t.tokenId(),
                    t.grantId(),
                    t.userId(),
                    t.scopes().asStrings(),
                    t.issuedAt().toString(),
                    t.expiresAt().toString(),
                    token.revoked());
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
