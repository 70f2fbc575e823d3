package dev.latchkey.domain.workload;

import dev.latchkey.domain.error.RequestRejected;
import java.util.Objects;

/**
 * A workload that proves itself with its platform's identity instead of a secret (the federation of
 * the big clouds): a token signed by a configured trusted issuer — a Kubernetes projected service
 * account token, a GitHub Actions OIDC token, a SPIFFE JWT-SVID — whose subject is pinned here at
 * registration. The issuer's configuration pins the audience.
 */
public record WorkloadFederation(String issuer, String subject) {
    public static final int MAX_SUBJECT = 400;

    /**
     * From what a caller sent: either may be missing or out of bounds.
     *
     * @throws RequestRejected {@code invalid_request}
     */
    public static WorkloadFederation of(String issuer, String subject) {
        if (issuer == null || subject == null || subject.isBlank() || subject.length() > MAX_SUBJECT) {
            throw RequestRejected.invalid(
                    "federation needs an issuer and a subject of 1.." + MAX_SUBJECT + " characters");
        }
        return new WorkloadFederation(issuer, subject);
    }

    public WorkloadFederation {
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(subject, "subject");
        if (subject.isBlank() || subject.length() > MAX_SUBJECT) {
            throw new IllegalArgumentException("a federated subject is 1.." + MAX_SUBJECT + " characters");
        }
    }
}
