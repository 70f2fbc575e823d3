package dev.latchkey.persistence;

import static dev.latchkey.persistence.Columns.instant;
import static dev.latchkey.persistence.Columns.optionalInstant;
import static dev.latchkey.persistence.Columns.optionalString;
import static dev.latchkey.persistence.Columns.utc;

import dev.latchkey.domain.oauth.handoff.PendingAuthorization;
import dev.latchkey.domain.oauth.handoff.PendingAuthorizationStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

/** Handed-off authorization requests; decided and completed by conditional updates, so exactly once. */
final class JdbiPendingAuthorizationStore implements PendingAuthorizationStore {
    private static final String COLUMNS = "id_hash, query, browser_hash, created_at, expires_at, decided_by, "
            + "approved_in, decided_at, completed_at";

    private final Jdbi jdbi;

    JdbiPendingAuthorizationStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void insert(PendingAuthorization p) {
        StoreCalls.run(() -> jdbi.useHandle(h -> h.createUpdate("INSERT INTO oauth_pending_authorizations (" + COLUMNS
                        + ") VALUES (:id, :query, :browser, :createdAt, :expiresAt, NULL, NULL, NULL, NULL)")
                .bind("id", p.idHash())
                .bind("query", p.query())
                .bind("browser", p.browserHash())
                .bind("createdAt", utc(p.createdAt()))
                .bind("expiresAt", utc(p.expiresAt()))
                .execute()));
    }

    @Override
    public Optional<PendingAuthorization> findByIdHash(String idHash) {
        return StoreCalls.call(() -> jdbi.withHandle(
                h -> h.createQuery("SELECT " + COLUMNS + " FROM oauth_pending_authorizations WHERE id_hash = :id")
                        .bind("id", idHash)
                        .map(JdbiPendingAuthorizationStore::map)
                        .findOne()));
    }

    @Override
    public boolean decide(String idHash, PendingAuthorization.Decision decision) {
        return StoreCalls.call(() -> jdbi.withHandle(h -> h.createUpdate("UPDATE oauth_pending_authorizations"
                                + " SET decided_by = :user, approved_in = :workspace, decided_at = :at"
                                + " WHERE id_hash = :id AND decided_at IS NULL")
                        .bind("user", decision.userId())
                        .bindByType("workspace", decision.approvedIn().orElse(null), String.class)
                        .bind("at", utc(decision.at()))
                        .bind("id", idHash)
                        .execute()))
                == 1;
    }

    @Override
    public boolean complete(String idHash, Instant at) {
        return StoreCalls.call(() -> jdbi.withHandle(h -> h.createUpdate("UPDATE oauth_pending_authorizations"
                                + " SET completed_at = :at WHERE id_hash = :id AND completed_at IS NULL")
                        .bind("at", utc(at))
                        .bind("id", idHash)
                        .execute()))
                == 1;
    }

    @Override
    public int deleteExpiredBefore(Instant cutoff) {
        return StoreCalls.call(() -> jdbi.withHandle(
                h -> h.createUpdate("DELETE FROM oauth_pending_authorizations WHERE expires_at < :cutoff")
                        .bind("cutoff", utc(cutoff))
                        .execute()));
    }

    private static PendingAuthorization map(ResultSet rs, StatementContext ctx) throws SQLException {
        Optional<Instant> decidedAt = optionalInstant(rs, "decided_at");
        Optional<String> decidedBy = optionalString(rs, "decided_by");
        Optional<String> approvedIn = optionalString(rs, "approved_in");
        return new PendingAuthorization(
                rs.getString("id_hash"),
                rs.getString("query"),
                rs.getString("browser_hash"),
                instant(rs, "created_at"),
                instant(rs, "expires_at"),
                decidedAt.map(at -> new PendingAuthorization.Decision(decidedBy.orElseThrow(), approvedIn, at)),
                optionalInstant(rs, "completed_at"));
    }
}
