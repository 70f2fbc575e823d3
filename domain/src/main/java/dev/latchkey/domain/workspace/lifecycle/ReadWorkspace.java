package dev.latchkey.domain.workspace.lifecycle;

import dev.latchkey.domain.auth.AccessPolicy;
import dev.latchkey.domain.auth.Principal;
import dev.latchkey.domain.error.RequestRejected;
import dev.latchkey.domain.workspace.Workspace;
import dev.latchkey.domain.workspace.WorkspaceStore;

/** The caller's own workspace: any member may read its name, nobody another's. */
public final class ReadWorkspace {
    private final WorkspaceStore workspaces;

    public ReadWorkspace(WorkspaceStore workspaces) {
        this.workspaces = workspaces;
    }

    /**
     * @throws dev.latchkey.domain.error.AuthFailure {@code no_workspace} or {@code tenant_context_required}
     *     for a caller without one
     * @throws RequestRejected not found once it is deleted
     */
    public Workspace of(Principal caller) {
        String workspaceId = AccessPolicy.requireTenant(caller);
        return workspaces
                .findById(workspaceId)
                .filter(workspace -> workspace.deletedAt().isEmpty())
                .orElseThrow(() -> RequestRejected.notFound("Workspace"));
    }
}
