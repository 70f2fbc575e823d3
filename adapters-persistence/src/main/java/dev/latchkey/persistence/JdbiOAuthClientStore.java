package dev.latchkey.persistence;

import static dev.latchkey.persistence.Columns.instant;
import static dev.latchkey.persistence.Columns.optionalInstant;
import static dev.latchkey.persistence.Columns.optionalString;
import static dev.latchkey.persistence.Columns.utc;

import dev.latchkey.domain.oauth.ClientAuthMethod;
import dev.latchkey.domain.oauth.OAuthClient;
import dev.latchkey.domain.oauth.OAuthClientStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

final class JdbiOAuthClientStore implements OAuthClientStore {
    private static final String COLUMNS =
            "client_id, secret_hash, auth_method, client_name, redirect_uris, scope, " + "issued_at, last_used_at";

    private final Jdbi jdbi;

    JdbiOAuthClientStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void insert(OAuthClient c) {
        StoreCalls.run(() -> jdbi.useHandle(h -> h.createUpdate("INSERT INTO oauth_clients (" + COLUMNS
                        + ") VALUES (:id, :secret, :method, :name, " + ":redirects, :scope, :issuedAt, NULL)")
                .bind("id", c.clientId())
                .bindByType("secret", c.secretHash().orElse(null), String.class)
                .bind("method", c.authMethod().wireName())
                .bindByType("name", c.clientName().orElse(null), String.class)
                .bind("redirects", String.join("\n", c.redirectUris()))
                .bindByType("scope", c.scope().orElse(null), String.class)
                .bind("issuedAt", utc(c.issuedAt()))
                .execute()));
    }

    @Override
    public Optional<OAuthClient> findById(String clientId) {
        return StoreCalls.call(() ->
                jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM oauth_clients WHERE client_id = :id")
                        .bind("id", clientId)
                        .map(JdbiOAuthClientStore::map)
                        .findOne()));
    }

    @Override
    public void markUsed(String clientId, Instant at) {
        StoreCalls.run(() ->
                jdbi.useHandle(h -> h.createUpdate("UPDATE oauth_clients SET last_used_at = :at WHERE client_id = :id")
                        .bind("at", utc(at))
                        .bind("id", clientId)
                        .execute()));
    }

    @Override
    public int deleteNeverUsedIssuedBefore(Instant cutoff) {
        return StoreCalls.call(() -> jdbi.withHandle(
                h -> h.createUpdate("DELETE FROM oauth_clients WHERE last_used_at IS NULL AND issued_at < :cutoff")
                        .bind("cutoff", utc(cutoff))
                        .execute()));
    }

    private static OAuthClient map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new OAuthClient(
                rs.getString("client_id"),
                optionalString(rs, "secret_hash"),
                ClientAuthMethod.fromWire(rs.getString("auth_method")).orElseThrow(),
                optionalString(rs, "client_name"),
                List.of(rs.getString("redirect_uris").split("\n")),
                optionalString(rs, "scope"),
                instant(rs, "issued_at"),
                optionalInstant(rs, "last_used_at"));
    }
}
