package dev.latchkey.domain.workspace;

import dev.latchkey.domain.audit.AuditTrail;
import dev.latchkey.domain.auth.AccessPolicy;
import dev.latchkey.domain.auth.Principal;
import dev.latchkey.domain.auth.VerificationCache;
import dev.latchkey.domain.common.Initiator;
import dev.latchkey.domain.error.RequestRejected;
import dev.latchkey.domain.membership.MembershipStore;
import java.time.Clock;
import java.util.List;
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
    private final List<VerificationCache> caches;
    private final Clock clock;
    private final AuditTrail audit;

    public DeleteWorkspace(
            WorkspaceStore workspaces,
            MembershipStore memberships,
            List<VerificationCache> caches,
            Clock clock,
            AuditTrail audit) {
        this.workspaces = workspaces;
        this.memberships = memberships;
        this.caches = List.copyOf(caches);
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
        caches.forEach(cache -> cache.invalidateWhere(entry ->
                entry.principal().tenantId().filter(workspaceId::equals).isPresent()));
    }
}
