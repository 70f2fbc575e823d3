package dev.latchkey.domain.workload;

import java.util.Objects;

/**
 * A workload that proves itself with its platform's identity instead of a secret (the federation of
 * the big clouds): a token signed by a configured trusted issuer — a Kubernetes projected service
 * account token, a GitHub Actions OIDC token, a SPIFFE JWT-SVID — whose subject is pinned here at
 * registration. The issuer's configuration pins the audience.
 */
public record WorkloadFederation(String issuer, String subject) {
    public static final int MAX_SUBJECT = 400;

    public WorkloadFederation {
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(subject, "subject");
        if (subject.isBlank() || subject.length() > MAX_SUBJECT) {
            throw new IllegalArgumentException("a federated subject is 1.." + MAX_SUBJECT + " characters");
        }
    }
}
