package dev.latchkey.domain.workspace.lifecycle;

import dev.latchkey.domain.apikey.IssueApiKey;
import dev.latchkey.domain.apikey.IssuedApiKey;
import dev.latchkey.domain.audit.AuditTrail;
import dev.latchkey.domain.audit.Initiator;
import dev.latchkey.domain.auth.Principal;
import dev.latchkey.domain.auth.events.CredentialEvent;
import dev.latchkey.domain.auth.events.CredentialEvents;
import dev.latchkey.domain.common.IdGenerator;
import dev.latchkey.domain.error.AuthError;
import dev.latchkey.domain.error.AuthFailure;
import dev.latchkey.domain.error.RequestRejected;
import dev.latchkey.domain.membership.Membership;
import dev.latchkey.domain.membership.MembershipStore;
import dev.latchkey.domain.membership.Role;
import dev.latchkey.domain.membership.RoleScopes;
import dev.latchkey.domain.token.AccessToken;
import dev.latchkey.domain.token.IssueUserToken;
import dev.latchkey.domain.user.User;
import dev.latchkey.domain.user.UserStore;
import dev.latchkey.domain.workspace.Workspace;
import dev.latchkey.domain.workspace.WorkspaceStore;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /workspaces/bootstrap}: the one route a signed-in user without a
 * workspace may call. The first call creates a workspace with the caller as owner and mints its first
 * {@code sk_live_} key, returned this once; every later call — including one racing the first —
 * returns the same workspace and no secret. The store's "one bootstrap per user" constraint, not
 * a check-then-act in memory, is what makes concurrent calls safe.
 */
public final class BootstrapWorkspace {

    /** The workspace, whether this call created it, its first key (only then), and a token bound to it. */
    public record Result(
            Workspace workspace, boolean created, Optional<IssuedApiKey> firstKey, AccessToken accessToken) {}

    private final WorkspaceStore workspaces;
    private final MembershipStore memberships;
    private final UserStore users;
    private final IssueApiKey issueApiKey;
    private final IssueUserToken tokens;
    private final RoleScopes roleScopes;
    private final IdGenerator ids;
    private final Clock clock;
    private final AuditTrail audit;
    private final CredentialEvents events;
    private final boolean mintsFirstKey;

    /**
     * @param mintsFirstKey false while an external provider (WorkOS) is the API-key authority: a
     *     local key would not authenticate anything
     */
    public BootstrapWorkspace(
            WorkspaceStore workspaces,
            MembershipStore memberships,
            UserStore users,
            IssueApiKey issueApiKey,
            IssueUserToken tokens,
            RoleScopes roleScopes,
            IdGenerator ids,
            Clock clock,
            AuditTrail audit,
            CredentialEvents events,
            boolean mintsFirstKey) {
        this.events = events;
        this.mintsFirstKey = mintsFirstKey;
        this.workspaces = workspaces;
        this.memberships = memberships;
        this.users = users;
        this.issueApiKey = issueApiKey;
        this.tokens = tokens;
        this.roleScopes = roleScopes;
        this.ids = ids;
        this.clock = clock;
        this.audit = audit;
    }

    public Result execute(Principal caller, Optional<String> requestedName, Initiator initiator) {
        if (!caller.isHuman()) {
            throw RequestRejected.invalid("Workspaces are bootstrapped by signed-in users, not by API keys");
        }
        User user = users.findById(caller.actor().id())
                .orElseThrow(() -> new AuthFailure(AuthError.INVALID_JWT, "The token's subject does not exist"));
        List<Membership> active = memberships.listActiveByUser(user.id());
        if (!active.isEmpty()) {
            return existing(user, active.get(0).workspaceId());
        }
        String name = requestedName.map(String::strip).filter(n -> !n.isEmpty()).orElse("My workspace");
        if (name.length() > Workspace.MAX_NAME_LENGTH) {
            throw RequestRejected.invalid("name must be at most " + Workspace.MAX_NAME_LENGTH + " characters");
        }
        Instant now = clock.instant();
        Workspace workspace = new Workspace(ids.newId("ws"), name, now, Optional.empty());
        if (!workspaces.insertBootstrappedBy(workspace, user.id())) {
            Workspace winner = workspaces
                    .findBootstrappedBy(user.id())
                    .orElseThrow(() ->
                            new IllegalStateException("bootstrap lost a race to a workspace that cannot be found"));
            return existing(user, winner.id());
        }
        Membership owner = new Membership(workspace.id(), user.id(), Role.OWNER, now, Optional.empty());
        memberships.insert(owner);
        // Tokens without a workspace of their own (external JWTs) now resolve to this one.
        events.publish(new CredentialEvent.ActorChanged(user.id()));
        audit.record(workspace.id(), initiator, "workspace.bootstrapped", workspace.id(), Map.of("name", name));
        Optional<IssuedApiKey> firstKey = mintsFirstKey
                ? Optional.of(issueApiKey.execute(
                        new IssueApiKey.Command(workspace.id(), "first key", Optional.empty(), Optional.empty()),
                        roleScopes.of(Role.OWNER),
                        initiator))
                : Optional.empty();
        return new Result(workspace, true, firstKey, tokens.forUser(user, Optional.of(owner)));
    }

    private Result existing(User user, String workspaceId) {
        Workspace workspace = workspaces
                .findById(workspaceId)
                .orElseThrow(() -> RequestRejected.notFound("Workspace " + workspaceId));
        // Heals a bootstrap interrupted between creating the workspace and adding its owner.
        memberships.insert(new Membership(workspaceId, user.id(), Role.OWNER, clock.instant(), Optional.empty()));
        Membership membership = memberships.find(workspaceId, user.id()).orElseThrow();
        return new Result(workspace, false, Optional.empty(), tokens.forUser(user, Optional.of(membership)));
    }
}
