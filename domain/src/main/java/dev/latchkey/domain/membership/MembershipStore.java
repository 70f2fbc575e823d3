package dev.latchkey.domain.membership;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Who belongs to which workspace, with which role. */
public interface MembershipStore {

    /** Adds a membership; false when the user already has one (active or removed) in that workspace. */
    boolean insert(Membership membership);

    Optional<Membership> find(String workspaceId, String userId);

    /** The user's active memberships, oldest first. */
    List<Membership> listActiveByUser(String userId);

    /** The workspace's active members, oldest first. */
    List<Membership> listActiveByWorkspace(String workspaceId);

    /** Changes an active member's role; false when there is no such active member. */
    boolean updateRole(String workspaceId, String userId, Role role);

    /** Marks an active membership removed; false when there was none. */
    boolean markRemoved(String workspaceId, String userId, Instant at);

    /** Makes a removed member a member again, with {@code role}; false when the membership is not a removed one. */
    boolean rejoin(String workspaceId, String userId, Role role, Instant at);

    /** Marks every active membership of a (deleted) workspace removed; the rows stay. */
    void removeAllIn(String workspaceId, Instant at);

    /** What a change that must keep an owner did. */
    enum Change {
        CHANGED,
        NO_SUCH_MEMBER,
        LAST_OWNER
    }

    /**
     * Changes an active member's role unless the workspace would be left with no active owner,
     * atomically with every other such change in the workspace (two owners demoting themselves at
     * once leave one owner, never none).
     */
    Change changeRoleKeepingAnOwner(String workspaceId, String userId, Role role);

    /** Removes an active member unless the workspace would be left with no active owner; atomic likewise. */
    Change removeKeepingAnOwner(String workspaceId, String userId, Instant at);
}
