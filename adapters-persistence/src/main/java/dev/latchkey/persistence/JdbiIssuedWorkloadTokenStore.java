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
import org.jdbi.v3.core.statement.StatementContext;

final class JdbiIssuedWorkloadTokenStore implements IssuedWorkloadTokenStore {
    private static final String COLUMNS =
            "jti, workload_id, grant_id, tenant_id, user_id, scopes, issued_at, expires_at";

    private final Jdbi jdbi;

    JdbiIssuedWorkloadTokenStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void insert(WorkloadTokenClaims t) {
        StoreCalls.run(() -> jdbi.useHandle(h -> h.createUpdate("INSERT INTO workload_tokens (" + COLUMNS
                        + ") VALUES (:jti, :workload, :grant, :tenant, :user, :scopes, :issuedAt, :expiresAt)")
                .bind("jti", t.tokenId())
                .bind("workload", t.workloadId())
                .bind("grant", t.grantId())
                .bind("tenant", t.tenantId())
                .bind("user", t.userId())
                .bind("scopes", t.scopes().toSpaceSeparated())
                .bind("issuedAt", utc(t.issuedAt()))
                .bind("expiresAt", utc(t.expiresAt()))
                .execute()));
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
