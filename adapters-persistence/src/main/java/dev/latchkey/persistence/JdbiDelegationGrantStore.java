package dev.latchkey.persistence;

import static dev.latchkey.persistence.Columns.instant;
import static dev.latchkey.persistence.Columns.optionalInstant;
import static dev.latchkey.persistence.Columns.utc;

import dev.latchkey.domain.grant.DelegationGrant;
import dev.latchkey.domain.grant.DelegationGrantStore;
import dev.latchkey.domain.scope.ScopeSet;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

final class JdbiDelegationGrantStore implements DelegationGrantStore {
    private static final String COLUMNS =
            "id, tenant_id, user_id, workload_id, requested_scopes, created_at, " + "expires_at, revoked_at";

    private final Jdbi jdbi;

    JdbiDelegationGrantStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void insert(DelegationGrant g) {
        StoreCalls.run(() -> jdbi.useHandle(h -> h.createUpdate(
                        "INSERT INTO delegation_grants (" + COLUMNS + ") VALUES (:id, :tenant, :user, :workload, "
                                + ":requested, :createdAt, :expiresAt, :revokedAt)")
                .bind("id", g.id())
                .bind("tenant", g.tenantId())
                .bind("user", g.userId())
                .bind("workload", g.workloadId())
                .bind("requested", g.requested().toSpaceSeparated())
                .bind("createdAt", utc(g.createdAt()))
                .bind("expiresAt", utc(g.expiresAt()))
                .bindByType("revokedAt", Columns.utcOrNull(g.revokedAt()), OffsetDateTime.class)
                .execute()));
    }

    @Override
    public Optional<DelegationGrant> findById(String id) {
        return StoreCalls.call(
                () -> jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM delegation_grants WHERE id = :id")
                        .bind("id", id)
                        .map(JdbiDelegationGrantStore::map)
                        .findOne()));
    }

    @Override
    public List<DelegationGrant> listByTenant(String tenantId) {
        return StoreCalls.call(() -> jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS
                        + " FROM delegation_grants WHERE tenant_id = :tenant " + "ORDER BY created_at DESC, id DESC")
                .bind("tenant", tenantId)
                .map(JdbiDelegationGrantStore::map)
                .list()));
    }

    @Override
    public boolean markRevoked(String id, Instant at) {
        return StoreCalls.call(() -> jdbi.withHandle(h -> h.createUpdate(
                                "UPDATE delegation_grants SET revoked_at = :at WHERE id = :id AND revoked_at IS NULL")
                        .bind("at", utc(at))
                        .bind("id", id)
                        .execute())
                == 1);
    }

    private static DelegationGrant map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new DelegationGrant(
                rs.getString("id"),
                rs.getString("tenant_id"),
                rs.getString("user_id"),
                rs.getString("workload_id"),
                ScopeSet.parseSpaceSeparated(rs.getString("requested_scopes")),
                instant(rs, "created_at"),
                instant(rs, "expires_at"),
                optionalInstant(rs, "revoked_at"));
    }
}
