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
        return StoreCalls.insertUnlessDuplicate(() -> jdbi.useHandle(h -> h
                .createUpdate("INSERT INTO memberships (" + COLUMNS + ") VALUES (:ws, :user, :role, :createdAt, :removedAt)")
                .bind("ws", m.workspaceId())
                .bind("user", m.userId())
                .bind("role", m.role().wireName())
                .bind("createdAt", utc(m.createdAt()))
                .bindByType("removedAt", Columns.utcOrNull(m.removedAt()), OffsetDateTime.class)
                .execute()));
    }

    @Override
    public Optional<Membership> find(String workspaceId, String userId) {
        return StoreCalls.call(() -> jdbi.withHandle(h -> h
                .createQuery("SELECT " + COLUMNS + " FROM memberships WHERE workspace_id = :ws AND user_id = :user")
                .bind("ws", workspaceId)
                .bind("user", userId)
                .map(JdbiMembershipStore::map)
                .findOne()));
    }

    @Override
    public List<Membership> listActiveByUser(String userId) {
        return StoreCalls.call(() -> jdbi.withHandle(h -> h
                .createQuery("SELECT " + COLUMNS + " FROM memberships WHERE user_id = :user AND removed_at IS NULL "
                        + "ORDER BY created_at, workspace_id")
                .bind("user", userId)
                .map(JdbiMembershipStore::map)
                .list()));
    }

    @Override
    public List<Membership> listActiveByWorkspace(String workspaceId) {
        return StoreCalls.call(() -> jdbi.withHandle(h -> h
                .createQuery("SELECT " + COLUMNS + " FROM memberships WHERE workspace_id = :ws AND removed_at IS NULL "
                        + "ORDER BY created_at, user_id")
                .bind("ws", workspaceId)
                .map(JdbiMembershipStore::map)
                .list()));
    }

    @Override
    public boolean updateRole(String workspaceId, String userId, Role role) {
        return StoreCalls.call(() -> jdbi.withHandle(h -> h
                .createUpdate("UPDATE memberships SET role = :role WHERE workspace_id = :ws AND user_id = :user "
                        + "AND removed_at IS NULL")
                .bind("role", role.wireName())
                .bind("ws", workspaceId)
                .bind("user", userId)
                .execute()) == 1);
    }

    @Override
    public boolean markRemoved(String workspaceId, String userId, Instant at) {
        return StoreCalls.call(() -> jdbi.withHandle(h -> h
                .createUpdate("UPDATE memberships SET removed_at = :at WHERE workspace_id = :ws AND user_id = :user "
                        + "AND removed_at IS NULL")
                .bind("at", utc(at))
                .bind("ws", workspaceId)
                .bind("user", userId)
                .execute()) == 1);
    }

    private static Membership map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new Membership(rs.getString("workspace_id"), rs.getString("user_id"), Role.parse(rs.getString("role")),
                instant(rs, "created_at"), optionalInstant(rs, "removed_at"));
    }
}
