package dev.latchkey.domain.external;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** What a verified token from a trusted external issuer says about its holder. */
public record ExternalClaims(
        String issuerName, String subject, Optional<String> email, boolean emailVerified, Instant expiresAt) {

    public ExternalClaims {
        Objects.requireNonNull(issuerName, "issuerName");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }
}
