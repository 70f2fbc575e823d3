package dev.latchkey.persistence;

import static dev.latchkey.persistence.Columns.instant;
import static dev.latchkey.persistence.Columns.optionalInstant;
import static dev.latchkey.persistence.Columns.optionalString;
import static dev.latchkey.persistence.Columns.utc;

import dev.latchkey.domain.approval.Approval;
import dev.latchkey.domain.approval.ApprovalStatus;
import dev.latchkey.domain.approval.ApprovalStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

/** Decisions and consumption are conditional UPDATEs, so two racing callers cannot both win. */
final class JdbiApprovalStore implements ApprovalStore {
    private static final String COLUMNS =
            "id, tenant_id, workload_id, grant_id, method, resource, body_sha256, status, "
                    + "requested_at, expires_at, decided_by, decided_at, decision_reason";

    private static final int MAX_INSERT_ATTEMPTS = 3;

    private final Jdbi jdbi;

    JdbiApprovalStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Races for the unique {@code pending_key}: the loser reads the winner; an expired holder gives it up. */
    @Override
    public Approval insertPending(Approval a) {
        String key = a.pendingKey();
        for (int attempt = 1; attempt <= MAX_INSERT_ATTEMPTS; attempt++) {
            if (StoreCalls.insertUnlessDuplicate(() -> insertRow(a, key))) {
                return a;
            }
            Optional<Approval> standing = StoreCalls.call(() ->
                    jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM approvals WHERE pending_key = :key")
                            .bind("key", key)
                            .map(JdbiApprovalStore::map)
                            .findOne()));
            if (standing.isPresent() && a.requestedAt().isBefore(standing.get().expiresAt())) {
                return standing.get();
            }
            standing.ifPresent(expired -> StoreCalls.run(() -> jdbi.useHandle(
                    h -> h.createUpdate("UPDATE approvals SET pending_key = NULL WHERE id = :id AND pending_key = :key")
                            .bind("id", expired.id())
                            .bind("key", key)
                            .execute())));
        }
        throw new IllegalStateException("approval request " + a.id() + " kept losing the race for its action");
    }

    private void insertRow(Approval a, String key) {
        jdbi.useHandle(h -> h.createUpdate(
                        "INSERT INTO approvals (" + COLUMNS + ", pending_key) VALUES (:id, :tenant, :workload, :grant, "
                                + ":method, :resource, :body, :status, :requestedAt, :expiresAt, :decidedBy, :decidedAt, "
                                + ":reason, :key)")
                .bind("id", a.id())
                .bind("tenant", a.tenantId())
                .bind("workload", a.workloadId())
                .bind("grant", a.grantId())
                .bind("method", a.method())
                .bind("resource", a.resource())
                .bind("body", a.bodySha256())
                .bind("status", a.status().name())
                .bind("requestedAt", utc(a.requestedAt()))
                .bind("expiresAt", utc(a.expiresAt()))
                .bindByType("decidedBy", a.decidedBy().orElse(null), String.class)
                .bindByType("decidedAt", Columns.utcOrNull(a.decidedAt()), OffsetDateTime.class)
                .bindByType("reason", a.reason().orElse(null), String.class)
                .bind("key", key)
                .execute());
    }

    @Override
    public Optional<Approval> findById(String id) {
        return StoreCalls.call(
                () -> jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM approvals WHERE id = :id")
                        .bind("id", id)
                        .map(JdbiApprovalStore::map)
                        .findOne()));
    }

    @Override
    public List<Approval> listPending(String tenantId) {
        return StoreCalls.call(() -> jdbi.withHandle(h -> h.createQuery(
                        "SELECT " + COLUMNS + " FROM approvals WHERE tenant_id = :tenant AND status = 'PENDING' "
                                + "ORDER BY requested_at, id")
                .bind("tenant", tenantId)
                .map(JdbiApprovalStore::map)
                .list()));
    }

    @Override
    public boolean decide(Approval decided) {
        return StoreCalls.call(() -> jdbi.withHandle(h -> h.createUpdate(
                                "UPDATE approvals SET status = :status, decided_by = :by, decided_at = :at, "
                                        + "decision_reason = :reason, pending_key = NULL "
                                        + "WHERE id = :id AND status = 'PENDING'")
                        .bind("status", decided.status().name())
                        .bindByType("by", decided.decidedBy().orElse(null), String.class)
                        .bindByType("at", Columns.utcOrNull(decided.decidedAt()), OffsetDateTime.class)
                        .bindByType("reason", decided.reason().orElse(null), String.class)
                        .bind("id", decided.id())
                        .execute())
                == 1);
    }

    @Override
    public boolean consume(String id) {
        return StoreCalls.call(() -> jdbi.withHandle(h -> h.createUpdate(
                                "UPDATE approvals SET status = 'USED' WHERE id = :id AND status = 'APPROVED'")
                        .bind("id", id)
                        .execute())
                == 1);
    }

    private static Approval map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new Approval(
                rs.getString("id"),
                rs.getString("tenant_id"),
                rs.getString("workload_id"),
                rs.getString("grant_id"),
                rs.getString("method"),
                rs.getString("resource"),
                rs.getString("body_sha256"),
                ApprovalStatus.valueOf(rs.getString("status")),
                instant(rs, "requested_at"),
                instant(rs, "expires_at"),
                optionalString(rs, "decided_by"),
                optionalInstant(rs, "decided_at"),
                optionalString(rs, "decision_reason"));
    }
}
