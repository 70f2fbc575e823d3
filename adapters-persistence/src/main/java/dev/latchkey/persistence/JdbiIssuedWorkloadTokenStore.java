package dev.latchkey.persistence;

import static dev.latchkey.persistence.Columns.instant;
import static dev.latchkey.persistence.Columns.utc;

import dev.latchkey.domain.scope.ScopeSet;
import dev.latchkey.domain.workloadtoken.IssuedWorkloadTokenStore;
import dev.latchkey.domain.workloadtoken.WorkloadTokenClaims;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.SqlStatement;
import org.jdbi.v3.core.statement.StatementContext;

final class JdbiIssuedWorkloadTokenStore implements IssuedWorkloadTokenStore {
    private static final String COLUMNS =
            "jti, workload_id, grant_id, tenant_id, user_id, scopes, issued_at, expires_at";

    private static final String INSERT = "INSERT INTO workload_tokens (" + COLUMNS
            + ") VALUES (:jti, :workload, :grant, :tenant, :user, :scopes, :issuedAt, :expiresAt)";
    /** Rows per transaction at most: a burst of thousands commits in a few, none waiting long. */
    private static final int MAX_BATCH = 128;

    private final Jdbi jdbi;
    private final GroupCommit<WorkloadTokenClaims> inserts = new GroupCommit<>(this::insertAll, MAX_BATCH);

    JdbiIssuedWorkloadTokenStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** A row per issued token, many tokens at once under load: those issued together commit together. */
    @Override
    public void insert(WorkloadTokenClaims token) {
        inserts.insert(token);
    }

    private void insertAll(List<WorkloadTokenClaims> tokens) {
        StoreCalls.run(() -> {
            if (tokens.size() == 1) {
                jdbi.useHandle(h -> bind(h.createUpdate(INSERT), tokens.get(0)).execute());
                return;
            }
            jdbi.useTransaction(h -> {
                PreparedBatch batch = h.prepareBatch(INSERT);
                tokens.forEach(t -> bind(batch, t).add());
                batch.execute();
            });
        });
    }

    private static <S extends SqlStatement<S>> S bind(S statement, WorkloadTokenClaims t) {
        return statement
                .bind("jti", t.tokenId())
                .bind("workload", t.workloadId())
                .bind("grant", t.grantId())
                .bind("tenant", t.tenantId())
                .bind("user", t.userId())
                .bind("scopes", t.scopes().toSpaceSeparated())
                .bind("issuedAt", utc(t.issuedAt()))
                .bind("expiresAt", utc(t.expiresAt()));
    }

    @Override
    public List<WorkloadTokenClaims> unexpired(String workloadId, Instant now, int limit) {
        return StoreCalls.call(() -> jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS
                        + " FROM workload_tokens WHERE workload_id = :workload AND expires_at > :now "
                        + "ORDER BY issued_at DESC, jti DESC")
                .bind("workload", workloadId)
                .bind("now", utc(now))
                .setMaxRows(limit)
                .map(JdbiIssuedWorkloadTokenStore::token)
                .list()));
    }

    @Override
    public int deleteExpiredBefore(Instant cutoff) {
        return StoreCalls.call(
                () -> jdbi.withHandle(h -> h.createUpdate("DELETE FROM workload_tokens WHERE expires_at < :cutoff")
                        .bind("cutoff", utc(cutoff))
                        .execute()));
    }

    private static WorkloadTokenClaims token(ResultSet rs, StatementContext ctx) throws SQLException {
        return new WorkloadTokenClaims(
                rs.getString("workload_id"),
                rs.getString("user_id"),
                rs.getString("grant_id"),
                rs.getString("tenant_id"),
                ScopeSet.parseSpaceSeparated(rs.getString("scopes")),
                rs.getString("jti"),
                instant(rs, "issued_at"),
                instant(rs, "expires_at"));
    }
}
