package dev.latchkey.persistence;

import static dev.latchkey.persistence.Columns.instant;
import static dev.latchkey.persistence.Columns.optionalInstant;
import static dev.latchkey.persistence.Columns.utc;
import static dev.latchkey.persistence.Columns.utcOrNull;

import dev.latchkey.domain.apikey.ApiKey;
import dev.latchkey.domain.apikey.ApiKeyStore;
import dev.latchkey.domain.scope.ScopeSet;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.StatementContext;

final class JdbiApiKeyStore implements ApiKeyStore {
    private static final String COLUMNS = "id, workspace_id, name, lookup_prefix, secret_hash, scopes, created_at, "
            + "created_by, expires_at, revoked_at, last_used_at";

    private final Jdbi jdbi;

    JdbiApiKeyStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public boolean insert(ApiKey key) {
        return StoreCalls.insertUnlessDuplicate(() -> jdbi.useHandle(
                h -> h.createUpdate("INSERT INTO api_keys (" + COLUMNS + ") VALUES (:id, :workspaceId, :name, :prefix, "
                                + ":hash, :scopes, :createdAt, :createdBy, :expiresAt, :revokedAt, :lastUsedAt)")
                        .bind("id", key.id())
                        .bind("workspaceId", key.workspaceId())
                        .bind("name", key.name())
                        .bind("prefix", key.lookupPrefix())
                        .bind("hash", key.secretHash())
                        .bind("scopes", key.scopes().toSpaceSeparated())
                        .bind("createdAt", utc(key.createdAt()))
                        .bind("createdBy", key.createdBy())
                        .bindByType("expiresAt", utcOrNull(key.expiresAt()), OffsetDateTime.class)
                        .bindByType("revokedAt", utcOrNull(key.revokedAt()), OffsetDateTime.class)
                        .bindByType("lastUsedAt", utcOrNull(key.lastUsedAt()), OffsetDateTime.class)
                        .execute()));
    }

    @Override
    public Optional<ApiKey> findByLookupPrefix(String lookupPrefix) {
        return StoreCalls.call(() ->
                jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM api_keys WHERE lookup_prefix = :prefix")
                        .bind("prefix", lookupPrefix)
                        .map(JdbiApiKeyStore::map)
                        .findOne()));
    }

    @Override
    public Optional<ApiKey> findById(String id) {
        return StoreCalls.call(
                () -> jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM api_keys WHERE id = :id")
                        .bind("id", id)
                        .map(JdbiApiKeyStore::map)
                        .findOne()));
    }

    @Override
    public List<ApiKey> listByWorkspace(String workspaceId) {
        return StoreCalls.call(() -> jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS
                        + " FROM api_keys WHERE workspace_id = :ws " + "ORDER BY created_at DESC, id DESC")
                .bind("ws", workspaceId)
                .map(JdbiApiKeyStore::map)
                .list()));
    }

    @Override
    public boolean markRevoked(String id, Instant at) {
        return StoreCalls.call(() -> jdbi.withHandle(h -> h.createUpdate(
                                "UPDATE api_keys SET revoked_at = :at WHERE id = :id AND revoked_at IS NULL")
                        .bind("at", utc(at))
                        .bind("id", id)
                        .execute())
                == 1);
    }

    @Override
    public boolean markRolled(String id, Instant at) {
        return StoreCalls.call(() -> jdbi.withHandle(
                        h -> h.createUpdate("UPDATE api_keys SET rolled_at = :at WHERE id = :id AND rolled_at IS NULL")
                                .bind("at", utc(at))
                                .bind("id", id)
                                .execute())
                == 1);
    }

    @Override
    public void expireNoLaterThan(String id, Instant at) {
        StoreCalls.run(() -> jdbi.useHandle(h -> h.createUpdate("UPDATE api_keys SET expires_at = :at WHERE id = :id "
                        + "AND (expires_at IS NULL OR expires_at > :at)")
                .bind("at", utc(at))
                .bind("id", id)
                .execute()));
    }

    @Override
    public void recordLastUsed(Map<String, Instant> lastUsedByKeyId) {
        if (lastUsedByKeyId.isEmpty()) {
            return;
        }
        StoreCalls.run(() -> jdbi.useHandle(h -> {
            PreparedBatch batch = h.prepareBatch("UPDATE api_keys SET last_used_at = :at WHERE id = :id "
                    + "AND (last_used_at IS NULL OR last_used_at < :at)");
            lastUsedByKeyId.forEach(
                    (id, at) -> batch.bind("id", id).bind("at", utc(at)).add());
            batch.execute();
        }));
    }

    private static ApiKey map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new ApiKey(
                rs.getString("id"),
                rs.getString("workspace_id"),
                rs.getString("name"),
                rs.getString("lookup_prefix"),
                rs.getString("secret_hash"),
                ScopeSet.parseSpaceSeparated(rs.getString("scopes")),
                instant(rs, "created_at"),
                rs.getString("created_by"),
                optionalInstant(rs, "expires_at"),
                optionalInstant(rs, "revoked_at"),
                optionalInstant(rs, "last_used_at"));
    }
}
