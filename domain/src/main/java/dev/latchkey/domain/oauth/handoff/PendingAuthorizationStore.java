package dev.latchkey.domain.oauth.handoff;

import java.time.Instant;
import java.util.Optional;

/** Authorization requests handed to the platform's web app, until they complete or expire. */
public interface PendingAuthorizationStore {

    void insert(PendingAuthorization pending);

    Optional<PendingAuthorization> findByIdHash(String idHash);

    /** Records the decision unless one is recorded already; true when this call recorded it. */
    boolean decide(String idHash, PendingAuthorization.Decision decision);

    /** Marks it completed unless it already is; true for exactly one caller. */
    boolean complete(String idHash, Instant at);

    /** Deletes those that expired before {@code cutoff}; returns how many. */
    int deleteExpiredBefore(Instant cutoff);
}
