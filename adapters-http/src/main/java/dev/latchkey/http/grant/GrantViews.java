package dev.latchkey.http.grant;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.latchkey.domain.grant.DelegationGrant;
import dev.latchkey.domain.grant.GrantExplanation;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The wire shapes of grants and their explanations. */
final class GrantViews {

    private GrantViews() {}

    /** A grant; {@code revoked_at} is null while it is not revoked. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record GrantView(
            String id,
            String workloadId,
            String userId,
            List<String> requested,
            String createdAt,
            String expiresAt,
            String revokedAt,
            String status) {
        static GrantView of(DelegationGrant g, Instant now) {
            String status = g.revokedAt().isPresent() ? "revoked" : g.isActiveAt(now) ? "active" : "expired";
            return new GrantView(
                    g.id(),
                    g.workloadId(),
                    g.userId(),
                    g.requested().asStrings(),
                    g.createdAt().toString(),
                    g.expiresAt().toString(),
                    g.revokedAt().map(Instant::toString).orElse(null),
                    status);
        }
    }

    /** One requested scope's fate. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record OutcomeView(String scope, String fate, List<String> limitedBy) {}

    /** A scope the effective scopes cover that the workload's tokens never exercise, and why. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record WithheldView(String scope, String reason) {}

    /** The three terms, their intersection, each requested scope's fate, and what is never delegated. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record ExplanationView(
            List<String> userScopes,
            List<String> policyScopes,
            List<String> requested,
            List<String> effective,
            List<OutcomeView> outcomes,
            List<WithheldView> withheld) {
        static ExplanationView of(GrantExplanation e) {
            return new ExplanationView(
                    e.userScopes().asStrings(),
                    e.policyScopes().asStrings(),
                    e.requested().asStrings(),
                    e.effective().asStrings(),
                    e.outcomes().stream()
                            .map(o -> new OutcomeView(
                                    o.requested().toString(),
                                    o.fate().name().toLowerCase(Locale.ROOT),
                                    o.limitedBy().stream()
                                            .map(t -> t.name().toLowerCase(Locale.ROOT))
                                            .collect(Collectors.toList())))
                            .collect(Collectors.toList()),
                    e.withheld().stream()
                            .map(scope -> new WithheldView(
                                    scope.toString(),
                                    "governance and key minting"
                                            + " belong to people: a workload token never exercises them"))
                            .toList());
        }
    }

    /** What a grant granted at a past moment, and the audit events that say so. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ExplanationAtView(
            String at,
            String grantState,
            String workloadState,
            String userRole,
            String policyId,
            List<String> effective,
            ExplanationView terms,
            List<EvidenceView> evidence,
            boolean auditTrailIntact) {
        static ExplanationAtView of(dev.latchkey.domain.grant.GrantAtTime.Explanation e) {
            return new ExplanationAtView(
                    e.at().toString(),
                    e.grantState(),
                    e.workloadState(),
                    e.userRole().map(r -> r.wireName()).orElse(null),
                    e.policyId().orElse(null),
                    e.effective().asStrings(),
                    ExplanationView.of(e.terms()),
                    e.evidence().stream()
                            .map(v -> new EvidenceView(
                                    v.eventId(), v.action(), v.occurredAt().toString()))
                            .toList(),
                    e.auditTrailIntact());
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record EvidenceView(String eventId, String action, String occurredAt) {}

    /** A created grant (absent on a dry run) and its explanation. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record CreatedGrantView(GrantView grant, ExplanationView explanation, Boolean dryRun) {}
}
