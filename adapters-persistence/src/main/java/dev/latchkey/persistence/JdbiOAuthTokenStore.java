package dev.latchkey.persistence;

import static dev.latchkey.persistence.Columns.instant;
import static dev.latchkey.persistence.Columns.optionalInstant;
import static dev.latchkey.persistence.Columns.optionalString;
import static dev.latchkey.persistence.Columns.utc;

import dev.latchkey.domain.oauth.OAuthToken;
import dev.latchkey.domain.oauth.OAuthTokenStore;
import dev.latchkey.domain.scope.ScopeSet;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

final class JdbiOAuthTokenStore implements OAuthTokenStore {
    private static final String COLUMNS =
            "id, family_id, client_id, user_id, workspace_id, scopes, granted_scopes, resource, "
                    + "access_hash, access_expires_at, refresh_hash, refresh_expires_at, issued_at, rotated_at, revoked_at";

    private final Jdbi jdbi;

    JdbiOAuthTokenStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void insert(OAuthToken t) {
        StoreCalls.run(() -> jdbi.useHandle(
                h -> h.createUpdate("INSERT INTO oauth_tokens (" + COLUMNS + ") VALUES (:id, :family, :client, :user, "
                                + ":workspace, :scopes, :grantedScopes, :resource, :accessHash, :accessExpiresAt, :refreshHash, "
                                + ":refreshExpiresAt, :issuedAt, NULL, NULL)")
                        .bind("id", t.id())
                        .bind("family", t.familyId())
                        .bind("client", t.clientId())
                        .bindByType("user", t.userId().orElse(null), String.class)
                        .bind("workspace", t.workspaceId())
                        .bind("scopes", t.scopes().toSpaceSeparated())
                        .bind("grantedScopes", t.grantedScopes().toSpaceSeparated())
                        .bind("resource", t.resource())
                        .bind("accessHash", t.accessHash())
                        .bind("accessExpiresAt", utc(t.accessExpiresAt()))
                        .bindByType("refreshHash", t.refreshHash().orElse(null), String.class)
                        .bind("refreshExpiresAt", utc(t.refreshExpiresAt()))
                        .bind("issuedAt", utc(t.issuedAt()))
                        .execute()));
    }

    @Override
    public Optional<OAuthToken> findByAccessHash(String accessHash) {
        return findBy("access_hash", accessHash);
    }

    @Override
    public Optional<OAuthToken> findByRefreshHash(String refreshHash) {
        return findBy("refresh_hash", refreshHash);
    }

    private Optional<OAuthToken> findBy(String column, String hash) {
        return StoreCalls.call(() -> jdbi.withHandle(
                h -> h.createQuery("SELECT " + COLUMNS + " FROM oauth_tokens WHERE " + column + " = :hash")
                        .bind("hash", hash)
                        .map(JdbiOAuthTokenStore::map)
                        .findOne()));
    }

    @Override
    public boolean markRotated(String id, Instant at) {
        return StoreCalls.call(() -> jdbi.withHandle(h -> h.createUpdate(
                                "UPDATE oauth_tokens SET rotated_at = :at WHERE id = :id AND rotated_at IS NULL")
                        .bind("at", utc(at))
                        .bind("id", id)
                        .execute())
                == 1);
    }

    @Override
    public List<String> revokeFamily(String familyId, Instant at) {
        return StoreCalls.call(() -> jdbi.inTransaction(h -> {
            List<String> ids = h.createQuery("SELECT id FROM oauth_tokens WHERE family_id = :family "
                            + "AND revoked_at IS NULL ORDER BY id")
                    .bind("family", familyId)
                    .mapTo(String.class)
                    .list();
            h.createUpdate("UPDATE oauth_tokens SET revoked_at = :at WHERE family_id = :family AND revoked_at IS NULL")
                    .bind("at", utc(at))
                    .bind("family", familyId)
                    .execute();
            return ids;
        }));
    }

    @Override
    public List<OAuthToken> listLiveByUser(String userId, Instant now) {
        return StoreCalls.call(() -> jdbi.withHandle(h -> h.createQuery(
                        "SELECT " + COLUMNS + " FROM oauth_tokens WHERE user_id = :user AND revoked_at IS NULL "
                                + "AND refresh_expires_at > :now ORDER BY issued_at DESC, id DESC")
                .bind("user", userId)
                .bind("now", utc(now))
                .map(JdbiOAuthTokenStore::map)
                .list()));
    }

    @Override
    public int deleteExpiredBefore(Instant cutoff) {
        return StoreCalls.call(
                () -> jdbi.withHandle(h -> h.createUpdate("DELETE FROM oauth_tokens WHERE refresh_expires_at < :cutoff")
                        .bind("cutoff", utc(cutoff))
                        .execute()));
    }

    private static OAuthToken map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new OAuthToken(
                rs.getString("id"),
                rs.getString("family_id"),
                rs.getString("client_id"),
                optionalString(rs, "user_id"),
                rs.getString("workspace_id"),
                ScopeSet.parseSpaceSeparated(rs.getString("scopes")),
                // Rows from before the column hold their family's scopes in scopes (no refresh narrowed them wider).
                ScopeSet.parseSpaceSeparated(
                        Optional.ofNullable(rs.getString("granted_scopes")).orElse(rs.getString("scopes"))),
                rs.getString("resource"),
                rs.getString("access_hash"),
                instant(rs, "access_expires_at"),
                optionalString(rs, "refresh_hash"),
                instant(rs, "refresh_expires_at"),
                instant(rs, "issued_at"),
                optionalInstant(rs, "rotated_at"),
                optionalInstant(rs, "revoked_at"));
    }
}
