package dev.latchkey.persistence;

import static dev.latchkey.persistence.Columns.instant;
import static dev.latchkey.persistence.Columns.optionalInstant;
import static dev.latchkey.persistence.Columns.utc;

import dev.latchkey.domain.membership.Membership;
import dev.latchkey.domain.membership.MembershipStore;
import dev.latchkey.domain.membership.Role;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

final class JdbiMembershipStore implements MembershipStore {
    private static final String COLUMNS = "workspace_id, user_id, role, created_at, removed_at";

    private final Jdbi jdbi;

    JdbiMembershipStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public boolean insert(Membership m) {
        return StoreCalls.insertUnlessDuplicate(() -> jdbi.useHandle(h -> h.createUpdate(
                        "INSERT INTO memberships (" + COLUMNS + ") VALUES (:ws, :user, :role, :createdAt, :removedAt)")
                .bind("ws", m.workspaceId())
                .bind("user", m.userId())
                .bind("role", m.role().wireName())
                .bind("createdAt", utc(m.createdAt()))
                .bindByType("removedAt", Columns.utcOrNull(m.removedAt()), OffsetDateTime.class)
                .execute()));
    }

    @Override
    public Optional<Membership> find(String workspaceId, String userId) {
        return StoreCalls.call(() -> jdbi.withHandle(h -> h.createQuery(
                        "SELECT " + COLUMNS + " FROM memberships WHERE workspace_id = :ws AND user_id = :user")
                .bind("ws", workspaceId)
                .bind("user", userId)
                .map(JdbiMembershipStore::map)
                .findOne()));
    }

    @Override
    public List<Membership> listActiveByUser(String userId) {
        return StoreCalls.call(() -> jdbi.withHandle(h -> h.createQuery(
                        "SELECT " + COLUMNS + " FROM memberships WHERE user_id = :user AND removed_at IS NULL "
                                + "ORDER BY created_at, workspace_id")
                .bind("user", userId)
                .map(JdbiMembershipStore::map)
                .list()));
    }

    @Override
    public List<Membership> listActiveByWorkspace(String workspaceId) {
        return StoreCalls.call(() -> jdbi.withHandle(h -> h.createQuery(
                        "SELECT " + COLUMNS + " FROM memberships WHERE workspace_id = :ws AND removed_at IS NULL "
                                + "ORDER BY created_at, user_id")
                .bind("ws", workspaceId)
                .map(JdbiMembershipStore::map)
                .list()));
    }

    @Override
    public boolean updateRole(String workspaceId, String userId, Role role) {
        return StoreCalls.call(() -> jdbi.withHandle(h -> h.createUpdate(
                                "UPDATE memberships SET role = :role WHERE workspace_id = :ws AND user_id = :user "
                                        + "AND removed_at IS NULL")
                        .bind("role", role.wireName())
                        .bind("ws", workspaceId)
                        .bind("user", userId)
                        .execute())
                == 1);
    }

    @Override
    public boolean markRemoved(String workspaceId, String userId, Instant at) {
        return StoreCalls.call(() -> jdbi.withHandle(h -> h.createUpdate(
                                "UPDATE memberships SET removed_at = :at WHERE workspace_id = :ws AND user_id = :user "
                                        + "AND removed_at IS NULL")
                        .bind("at", utc(at))
                        .bind("ws", workspaceId)
                        .bind("user", userId)
                        .execute())
                == 1);
    }

    @Override
    public void removeAllIn(String workspaceId, Instant at) {
        StoreCalls.run(() -> jdbi.useHandle(h -> h.createUpdate(
                        "UPDATE memberships SET removed_at = :at WHERE workspace_id = :ws AND removed_at IS NULL")
                .bind("at", utc(at))
                .bind("ws", workspaceId)
                .execute()));
    }

    @Override
    public boolean rejoin(String workspaceId, String userId, Role role, Instant at) {
        return StoreCalls.call(() -> jdbi.withHandle(h -> h.createUpdate(
                                "UPDATE memberships SET role = :role, removed_at = NULL WHERE workspace_id = :ws "
                                        + "AND user_id = :user AND removed_at IS NOT NULL")
                        .bind("role", role.wireName())
                        .bind("ws", workspaceId)
                        .bind("user", userId)
                        .execute())
                == 1);
    }

    @Override
    public Change changeRoleKeepingAnOwner(String workspaceId, String userId, Role role) {
        return keepingAnOwner(
                workspaceId,
                userId,
                role != Role.OWNER,
                h -> h.createUpdate("UPDATE memberships SET role = :role WHERE workspace_id = :ws AND user_id = :user "
                                + "AND removed_at IS NULL")
                        .bind("role", role.wireName())
                        .bind("ws", workspaceId)
                        .bind("user", userId)
                        .execute());
    }

    @Override
    public Change removeKeepingAnOwner(String workspaceId, String userId, Instant at) {
        return keepingAnOwner(
                workspaceId,
                userId,
                true,
                h -> h.createUpdate(
                                "UPDATE memberships SET removed_at = :at WHERE workspace_id = :ws AND user_id = :user "
                                        + "AND removed_at IS NULL")
                        .bind("at", utc(at))
                        .bind("ws", workspaceId)
                        .bind("user", userId)
                        .execute());
    }

    /**
     * One transaction that first locks the workspace's row, so every owner-changing change in one
     * workspace runs one after another: the second of two concurrent demotions sees the first's result.
     */
    private Change keepingAnOwner(
            String workspaceId,
            String userId,
            boolean losesOwner,
            org.jdbi.v3.core.HandleCallback<Integer, RuntimeException> change) {
        return StoreCalls.call(() -> jdbi.inTransaction(h -> {
            h.createQuery("SELECT id FROM workspaces WHERE id = :ws FOR UPDATE")
                    .bind("ws", workspaceId)
                    .mapTo(String.class)
                    .findOne();
            Optional<String> role = h.createQuery("SELECT role FROM memberships WHERE workspace_id = :ws "
                            + "AND user_id = :user AND removed_at IS NULL")
                    .bind("ws", workspaceId)
                    .bind("user", userId)
                    .mapTo(String.class)
                    .findOne();
            if (role.isEmpty()) {
                return Change.NO_SUCH_MEMBER;
            }
            if (losesOwner && Role.parse(role.get()) == Role.OWNER) {
                int others = h.createQuery("SELECT COUNT(*) FROM memberships WHERE workspace_id = :ws "
                                + "AND role = :owner AND removed_at IS NULL AND user_id <> :user")
                        .bind("ws", workspaceId)
                        .bind("owner", Role.OWNER.wireName())
                        .bind("user", userId)
                        .mapTo(Integer.class)
                        .one();
                if (others == 0) {
                    return Change.LAST_OWNER;
                }
            }
            change.withHandle(h);
            return Change.CHANGED;
        }));
    }

    private static Membership map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new Membership(
                rs.getString("workspace_id"),
                rs.getString("user_id"),
                Role.parse(rs.getString("role")),
                instant(rs, "created_at"),
                optionalInstant(rs, "removed_at"));
    }
}
