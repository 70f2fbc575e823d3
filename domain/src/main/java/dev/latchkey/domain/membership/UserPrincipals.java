package dev.latchkey.domain.membership;

import dev.latchkey.domain.actor.Actor;
import dev.latchkey.domain.actor.ActorKind;
import dev.latchkey.domain.actor.ActorStatus;
import dev.latchkey.domain.auth.CredentialKind;
import dev.latchkey.domain.auth.Principal;
import dev.latchkey.domain.error.AuthError;
import dev.latchkey.domain.error.AuthFailure;
import dev.latchkey.domain.scope.ScopeSet;
import dev.latchkey.domain.user.User;
import dev.latchkey.domain.workspace.WorkspaceStore;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * The principal of a person in a workspace, whichever token proved who they are: the membership
 * must be active (its current role decides the scopes) and the workspace not deleted.
 */
public final class UserPrincipals {
    static final String NO_ROLE = "none";

    private final MembershipStore memberships;
    private final WorkspaceStore workspaces;
    private final RoleScopes roleScopes;

    public UserPrincipals(MembershipStore memberships, WorkspaceStore workspaces, RoleScopes roleScopes) {
        this.memberships = memberships;
        this.workspaces = workspaces;
        this.roleScopes = roleScopes;
    }

    /** In the named workspace, or in none (only bootstrap is open to such a principal). */
    public Principal of(
            User user, Optional<String> workspaceId, CredentialKind kind, String credentialId, Instant expiresAt) {
        if (workspaceId.isEmpty()) {
            return principal(user, Optional.empty(), NO_ROLE, ScopeSet.EMPTY, kind, credentialId, expiresAt);
        }
        Membership membership = activeMembership(user, workspaceId.get());
        return principal(
                user,
                workspaceId,
                membership.role().wireName(),
                roleScopes.of(membership.role()),
                kind,
                credentialId,
                expiresAt);
    }

    /** The scopes the user's current role gives them in a workspace, with the same checks as {@link #of}. */
    public ScopeSet scopesIn(User user, String workspaceId) {
        return roleScopes.of(activeMembership(user, workspaceId).role());
    }

    /** The workspace first: a token of a deleted workspace says so, though its memberships ended with it. */
    private Membership activeMembership(User user, String workspaceId) {
        workspaces
                .findById(workspaceId)
                .filter(w -> !w.isDeleted())
                .orElseThrow(() -> new AuthFailure(
                        AuthError.WORKSPACE_NOT_FOUND,
                        "The workspace of this credential no longer exists; sign in again to start or join another"));
        return memberships
                .find(workspaceId, user.id())
                .filter(Membership::isActive)
                .orElseThrow(() -> new AuthFailure(
                        AuthError.NO_WORKSPACE, "You are no longer an active member of workspace " + workspaceId));
    }

    /** In the user's oldest active workspace: a JWT with no tenant of its own acts there. */
    public Principal inDefaultWorkspace(User user, CredentialKind kind, String credentialId, Instant expiresAt) {
        Optional<String> workspace =
                memberships.listActiveByUser(user.id()).stream().findFirst().map(Membership::workspaceId);
        return of(user, workspace, kind, credentialId, expiresAt);
    }

    private static Principal principal(
            User user,
            Optional<String> tenant,
            String role,
            ScopeSet scopes,
            CredentialKind kind,
            String credentialId,
            Instant expiresAt) {
        Actor actor = new Actor(user.id(), ActorKind.HUMAN, ActorStatus.ACTIVE, tenant, role, Set.of());
        return new Principal(actor, tenant, kind, scopes, credentialId, Optional.of(expiresAt));
    }
}
