package dev.latchkey.domain.oauth;

import java.time.Instant;
import java.util.Optional;

/** Registered OAuth clients. */
public interface OAuthClientStore {

    void insert(OAuthClient client);

    Optional<OAuthClient> findById(String clientId);

    /** Records that the client obtained tokens at {@code at}. */
    void markUsed(String clientId, Instant at);

    /**
     * Deletes registered clients issued before {@code cutoff} that never obtained a token; returns how
     * many. Machine clients are never deleted for disuse: an admin made them on purpose.
     */
    int deleteNeverUsedIssuedBefore(Instant cutoff);

    /** The machine clients of a workspace, oldest first. */
    java.util.List<OAuthClient> listMachineClients(String workspaceId);

    /** Deletes a machine client of that workspace; false when it has none by that id. */
    boolean deleteMachineClient(String workspaceId, String clientId);
}
