package dev.latchkey.domain.oauth;

import dev.latchkey.domain.actor.Actor;
import dev.latchkey.domain.actor.ActorKind;
import dev.latchkey.domain.actor.ActorStatus;
import dev.latchkey.domain.auth.CredentialKind;
import dev.latchkey.domain.auth.Principal;
import dev.latchkey.domain.error.AuthError;
import dev.latchkey.domain.error.AuthFailure;
import dev.latchkey.domain.scope.ScopeSet;
import dev.latchkey.domain.workspace.WorkspaceStore;
import java.util.Optional;
import java.util.Set;

/**
 * Who a machine client's own access token ({@code client_credentials}) is: the client, a service in
 * its workspace, with the token's scopes narrowed to the client's current ones. The client must still
 * exist in that workspace and the workspace must not be deleted: deleting either ends its tokens.
 */
public final class MachineClientPrincipals {
    /** The role a machine client's actor carries; its scopes are its own, never a role's. */
    public static final String ROLE = "oauth_client";

    private final OAuthClientStore clients;
    private final WorkspaceStore workspaces;

    public MachineClientPrincipals(OAuthClientStore clients, WorkspaceStore workspaces) {
        this.clients = clients;
        this.workspaces = workspaces;
    }

    Principal principalFor(OAuthToken token) {
        OAuthClient client = clients.findById(token.clientId())
                .filter(c -> c.machine()
                        .filter(m -> m.workspaceId().equals(token.workspaceId()))
                        .isPresent())
                .orElseThrow(() -> new AuthFailure(
                        AuthError.INVALID_OAUTH_TOKEN, "The machine client this token was issued to was deleted"));
        workspaces
                .findById(token.workspaceId())
                .filter(w -> !w.isDeleted())
                .orElseThrow(() -> new AuthFailure(
                        AuthError.WORKSPACE_NOT_FOUND, "The workspace of this machine client no longer exists"));
        Actor actor = new Actor(
                client.clientId(),
                ActorKind.SERVICE,
                ActorStatus.ACTIVE,
                Optional.of(token.workspaceId()),
                ROLE,
                Set.of());
        return new Principal(
                        actor,
                        Optional.of(token.workspaceId()),
                        CredentialKind.OAUTH_ACCESS_TOKEN,
                        token.scopes().intersect(capOf(client)),
                        token.id(),
                        Optional.of(token.accessExpiresAt()),
                        Optional.empty(),
                        Optional.of(token.resource()))
                .from(new Principal.Origin(
                        Optional.of(client.clientId()), Optional.of(token.issuedAt()), Optional.empty()));
    }

    /** The scopes a machine client may hold: those its creator gave it. */
    static ScopeSet capOf(OAuthClient client) {
        return ScopeSet.parseSpaceSeparated(client.scope().orElse(""));
    }
}
