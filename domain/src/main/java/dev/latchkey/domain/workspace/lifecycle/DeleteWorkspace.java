package dev.latchkey.domain.workspace.lifecycle;

import dev.latchkey.domain.audit.AuditTrail;
import dev.latchkey.domain.audit.Initiator;
import dev.latchkey.domain.auth.AccessPolicy;
import dev.latchkey.domain.auth.Principal;
import dev.latchkey.domain.auth.events.CredentialEvent;
import dev.latchkey.domain.auth.events.CredentialEvents;
import dev.latchkey.domain.error.RequestRejected;
import dev.latchkey.domain.membership.MembershipStore;
import dev.latchkey.domain.workspace.WorkspaceStore;
import java.time.Clock;
import java.util.Map;

/**
 * Deletes the caller's own workspace (the row stays, marked): every credential bound to it fails
 * with {@code workspace_not_found} from the next request here, elsewhere within the revalidation bound.
 * Its memberships end with it, so its people are not locked out: they sign in again to a token with
 * no workspace, and bootstrap or join another.
 */
public final class DeleteWorkspace {
    private final WorkspaceStore workspaces;
    private final MembershipStore memberships;
    private final CredentialEvents events;
    private final Clock clock;
    private final AuditTrail audit;

    public DeleteWorkspace(
            WorkspaceStore workspaces,
            MembershipStore memberships,
            CredentialEvents events,
            Clock clock,
            AuditTrail audit) {
        this.workspaces = workspaces;
        this.memberships = memberships;
        this.events = events;
        this.clock = clock;
        this.audit = audit;
    }

    public void execute(Principal caller, String workspaceId, Initiator initiator) {
        if (!AccessPolicy.requireTenant(caller).equals(workspaceId)) {
            throw RequestRejected.notFound("Workspace " + workspaceId);
        }
        if (workspaces.markDeleted(workspaceId, clock.instant())) {
            memberships.removeAllIn(workspaceId, clock.instant());
            audit.record(workspaceId, initiator, "workspace.deleted", workspaceId, Map.of());
        }
        events.publish(new CredentialEvent.WorkspacesChanged(java.util.Set.of(workspaceId)));
    }
}
