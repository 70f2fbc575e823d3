package dev.latchkey.domain.oauth.handoff;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An authorization request waiting for the platform's own web app to sign the person in and ask
 * them (the login and consent handoff). Kept by the SHA-256 of its id, which only the browser and
 * the app see; bound to the browser that started it by the SHA-256 of a cookie Latchkey set there;
 * decided once, by one person, and completed once.
 *
 * @param query the authorization request's parameters as the client sent them, form-encoded: they are
 *     validated again when the request is read and when it completes
 */
public record PendingAuthorization(
        String idHash,
        String query,
        String browserHash,
        Instant createdAt,
        Instant expiresAt,
        Optional<Decision> decision,
        Optional<Instant> completedAt) {

    /** Who decided, and how: a workspace to approve in, or none for a denial. */
    public record Decision(String userId, Optional<String> approvedIn, Instant at) {
        public Decision {
            Objects.requireNonNull(userId, "userId");
            Objects.requireNonNull(approvedIn, "approvedIn");
            Objects.requireNonNull(at, "at");
        }
    }

    public PendingAuthorization {
        Objects.requireNonNull(idHash, "idHash");
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(browserHash, "browserHash");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(completedAt, "completedAt");
    }

    public boolean openAt(Instant now) {
        return completedAt.isEmpty() && now.isBefore(expiresAt);
    }
}
