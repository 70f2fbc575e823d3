package dev.latchkey.persistence;

import static dev.latchkey.persistence.Columns.instant;
import static dev.latchkey.persistence.Columns.optionalInstant;
import static dev.latchkey.persistence.Columns.utc;

import dev.latchkey.domain.mail.EmailAddress;
import dev.latchkey.domain.membership.Invitation;
import dev.latchkey.domain.membership.InvitationStore;
import dev.latchkey.domain.membership.Role;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

final class JdbiInvitationStore implements InvitationStore {
    private static final String COLUMNS = "workspace_id, email, role, invited_by, created_at, accepted_at";

    private final Jdbi jdbi;

    JdbiInvitationStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public boolean insert(Invitation i) {
        return StoreCalls.insertUnlessDuplicate(() -> jdbi.useHandle(h -> h.createUpdate("INSERT INTO invitations ("
                        + COLUMNS + ") VALUES (:ws, :email, :role, :by, :createdAt, " + ":acceptedAt)")
                .bind("ws", i.workspaceId())
                .bind("email", i.email().value())
                .bind("role", i.role().wireName())
                .bind("by", i.invitedBy())
                .bind("createdAt", utc(i.createdAt()))
                .bindByType("acceptedAt", Columns.utcOrNull(i.acceptedAt()), OffsetDateTime.class)
                .execute()));
    }

    @Override
    public List<Invitation> listPendingByEmail(EmailAddress email) {
        return pending("email", email.value());
    }

    @Override
    public List<Invitation> listPendingByWorkspace(String workspaceId) {
        return pending("workspace_id", workspaceId);
    }

    private List<Invitation> pending(String column, String value) {
        return StoreCalls.call(() -> jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM invitations WHERE "
                        + column + " = :value " + "AND accepted_at IS NULL ORDER BY created_at, email")
                .bind("value", value)
                .map(JdbiInvitationStore::map)
                .list()));
    }

    @Override
    public void markAccepted(String workspaceId, EmailAddress email, Instant at) {
        StoreCalls.run(() -> jdbi.useHandle(h -> h.createUpdate(
                        "UPDATE invitations SET accepted_at = :at WHERE workspace_id = :ws AND email = :email "
                                + "AND accepted_at IS NULL")
                .bind("at", utc(at))
                .bind("ws", workspaceId)
                .bind("email", email.value())
                .execute()));
    }

    private static Invitation map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new Invitation(
                rs.getString("workspace_id"),
                new EmailAddress(rs.getString("email")),
                Role.parse(rs.getString("role")),
                rs.getString("invited_by"),
                instant(rs, "created_at"),
                optionalInstant(rs, "accepted_at"));
    }
}
