package dev.latchkey.domain.workspace;

import java.time.Instant;
import java.util.Optional;

/** Where workspaces are kept. Deleting only marks the row, so credentials can tell "deleted" apart. */
public interface WorkspaceStore {

    void insert(Workspace workspace);

    Optional<Workspace> findById(String id);

    /**
     * Stores a workspace bootstrapped by a user; false (and nothing stored) when that user already
     * bootstrapped one. At most one per user, even under concurrent calls.
     */
    boolean insertBootstrappedBy(Workspace workspace, String userId);

    Optional<Workspace> findBootstrappedBy(String userId);

    /**
     * Marks the workspace deleted, and frees its bootstrapper to bootstrap another; returns false
     * when there is no such live workspace.
     */
    boolean markDeleted(String id, Instant at);
}
