package dev.latchkey.domain.membership;

import dev.latchkey.domain.audit.AuditTrail;
import dev.latchkey.domain.audit.Initiator;
import dev.latchkey.domain.auth.AccessPolicy;
import dev.latchkey.domain.auth.Authority;
import dev.latchkey.domain.auth.Principal;
import dev.latchkey.domain.auth.events.CredentialEvent;
import dev.latchkey.domain.auth.events.CredentialEvents;
import dev.latchkey.domain.error.RequestError;
import dev.latchkey.domain.error.RequestRejected;
import dev.latchkey.domain.mail.EmailAddress;
import dev.latchkey.domain.scope.ScopeSet;
import dev.latchkey.domain.user.User;
import dev.latchkey.domain.user.UserStore;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Workspace owners and admins manage members: invite by email, change roles, remove. Nobody hands
 * out a role whose scopes exceed their own, nor changes or removes a member whose role does (so only
 * owners make or unmake owners), and a workspace never loses its last owner, however many such
 * changes race. Role changes and removals
 * take effect on the member's very next request in this process (their cached verifications are
 * dropped), and elsewhere within the token verifier's revalidation bound.
 */
public final class ManageMembers {

    /** A member or a pending invitation, as listed to admins. */
    public record Member(Optional<String> userId, String email, Role role, boolean pending) {}

    private final MembershipStore memberships;
    private final InvitationStore invitations;
    private final UserStore users;
    private final RoleScopes roleScopes;
    private final CredentialEvents events;
    private final Clock clock;
    private final AuditTrail audit;

    public ManageMembers(
            MembershipStore memberships,
            InvitationStore invitations,
            UserStore users,
            RoleScopes roleScopes,
            CredentialEvents events,
            Clock clock,
            AuditTrail audit) {
        this.memberships = memberships;
        this.invitations = invitations;
        this.users = users;
        this.roleScopes = roleScopes;
        this.events = events;
        this.clock = clock;
        this.audit = audit;
    }

    public List<Member> list(Principal caller) {
        String workspaceId = AccessPolicy.requireTenant(caller);
        List<Member> members = new java.util.ArrayList<>();
        for (Membership m : memberships.listActiveByWorkspace(workspaceId)) {
            String email =
                    users.findById(m.userId()).map(u -> u.email().value()).orElse("");
            members.add(new Member(Optional.of(m.userId()), email, m.role(), false));
        }
        for (Invitation i : invitations.listPendingByWorkspace(workspaceId)) {
            members.add(new Member(Optional.empty(), i.email().value(), i.role(), true));
        }
        return members;
    }

    /**
     * Adds an existing account whose address is proven at once, or leaves an invitation that the
     * address accepts once proven (by its mailed link, a reset, or a verified identity).
     */
    public Member invite(Principal caller, String emailInput, Role role, Initiator initiator) {
        String workspaceId = AccessPolicy.requireTenant(caller);
        requireMayAssign(caller, workspaceId, role);
        EmailAddress email = parseEmail(emailInput);
        Instant now = clock.instant();
        // Only a proven address joins at once; an unproven account gets the invitation once it proves it.
        Optional<User> existing = users.findByEmail(email).filter(User::isEmailVerified);
        if (existing.isPresent()) {
            if (!memberships.insert(new Membership(workspaceId, existing.get().id(), role, now, Optional.empty()))
                    && !memberships.rejoin(workspaceId, existing.get().id(), role, now)) {
                throw new RequestRejected(RequestError.CONFLICT, "That person is already a member");
            }
            forget(existing.get().id(), workspaceId);
            audit.record(workspaceId, initiator, "member.added", existing.get().id(), Map.of("role", role.wireName()));
            return new Member(Optional.of(existing.get().id()), email.value(), role, false);
        }
        if (!invitations.insert(new Invitation(workspaceId, email, role, initiator.actorId(), now, Optional.empty()))) {
            throw new RequestRejected(RequestError.CONFLICT, "That email is already invited");
        }
        audit.record(workspaceId, initiator, "member.invited", null, Map.of("role", role.wireName()));
        return new Member(Optional.empty(), email.value(), role, true);
    }

    public void changeRole(Principal caller, String userId, Role role, Initiator initiator) {
        String workspaceId = AccessPolicy.requireTenant(caller);
        Membership current = activeMember(workspaceId, userId);
        requireMayAssign(caller, workspaceId, current.role());
        requireMayAssign(caller, workspaceId, role);
        applied(memberships.changeRoleKeepingAnOwner(workspaceId, userId, role), userId);
        forget(userId, workspaceId);
        audit.record(
                workspaceId,
                initiator,
                "member.role_changed",
                userId,
                Map.of("from", current.role().wireName(), "to", role.wireName()));
    }

    public void remove(Principal caller, String userId, Initiator initiator) {
        String workspaceId = AccessPolicy.requireTenant(caller);
        Membership current = activeMember(workspaceId, userId);
        requireMayAssign(caller, workspaceId, current.role());
        applied(memberships.removeKeepingAnOwner(workspaceId, userId, clock.instant()), userId);
        forget(userId, workspaceId);
        audit.record(
                workspaceId,
                initiator,
                "member.removed",
                userId,
                Map.of("role", current.role().wireName()));
    }

    /**
     * Drops the member's cached verifications, and this tenant's workload tokens (they may carry this
     * member's delegation; re-verifying them is cheap and narrows them to the member's new scopes).
     */
    private void forget(String userId, String workspaceId) {
        events.publish(new CredentialEvent.MembershipChanged(userId, workspaceId));
    }

    private Membership activeMember(String workspaceId, String userId) {
        return memberships
                .find(workspaceId, userId)
                .filter(Membership::isActive)
                .orElseThrow(() -> RequestRejected.notFound("Member " + userId));
    }

    /**
     * A role is handed out, changed or taken away only by a caller holding every scope it grants
     * ({@link Authority}); for a person, their current role in this workspace is what they hold.
     */
    private void requireMayAssign(Principal caller, String workspaceId, Role role) {
        ScopeSet held = caller.isHuman()
                ? memberships
                        .find(workspaceId, caller.actor().id())
                        .filter(Membership::isActive)
                        .map(m -> roleScopes.of(m.role()))
                        .orElse(ScopeSet.EMPTY)
                : caller.scopes();
        Authority.requireWithin(held, roleScopes.of(role), "the role " + role.wireName());
    }

    private static void applied(MembershipStore.Change change, String userId) {
        switch (change) {
            case CHANGED -> {}
            case NO_SUCH_MEMBER -> throw RequestRejected.notFound("Member " + userId);
            case LAST_OWNER ->
                throw new RequestRejected(RequestError.CONFLICT, "A workspace must keep at least one owner");
        }
    }

    private static EmailAddress parseEmail(String input) {
        try {
            return EmailAddress.parse(input);
        } catch (IllegalArgumentException e) {
            throw RequestRejected.invalid(e.getMessage());
        }
    }
}
