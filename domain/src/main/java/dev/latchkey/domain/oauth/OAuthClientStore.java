package dev.latchkey.domain.oauth;

import java.time.Instant;
import java.util.Optional;

/** Registered OAuth clients. */
public interface OAuthClientStore {

    void insert(OAuthClient client);

    Optional<OAuthClient> findById(String clientId);

    /** Records that the client obtained tokens at {@code at}. */
    void markUsed(String clientId, Instant at);

    /** Deletes clients registered before {@code cutoff} that never obtained a token; returns how many. */
    int deleteNeverUsedIssuedBefore(Instant cutoff);
}
