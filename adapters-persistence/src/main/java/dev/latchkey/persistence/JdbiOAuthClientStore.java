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
            "client_id, secret_hash, auth_method, client_name, redirect_uris, scope, issued_at, last_used_at, "
                    + "workspace_id, created_by, jwks";

    private final Jdbi jdbi;

    JdbiOAuthClientStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void insert(OAuthClient c) {
        StoreCalls.run(() -> jdbi.useHandle(h -> h.createUpdate("INSERT INTO oauth_clients (" + COLUMNS
                        + ") VALUES (:id, :secret, :method, :name, :redirects, :scope, :issuedAt, NULL, :workspace, "
                        + ":createdBy, :jwks)")
                .bind("id", c.clientId())
                .bindByType("secret", c.secretHash().orElse(null), String.class)
                .bind("method", c.authMethod().wireName())
                .bindByType("name", c.clientName().orElse(null), String.class)
                .bind("redirects", String.join("\n", c.redirectUris()))
                .bindByType("scope", c.scope().orElse(null), String.class)
                .bind("issuedAt", utc(c.issuedAt()))
                .bindByType(
                        "workspace",
                        c.machine().map(OAuthClient.Machine::workspaceId).orElse(null),
                        String.class)
                .bindByType(
                        "createdBy",
                        c.machine().map(OAuthClient.Machine::createdBy).orElse(null),
                        String.class)
                .bindByType("jwks", c.jwks().orElse(null), String.class)
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
                h -> h.createUpdate("DELETE FROM oauth_clients WHERE last_used_at IS NULL AND issued_at < :cutoff"
                                + " AND workspace_id IS NULL")
                        .bind("cutoff", utc(cutoff))
                        .execute()));
    }

    @Override
    public List<OAuthClient> listMachineClients(String workspaceId) {
        return StoreCalls.call(() -> jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS
                        + " FROM oauth_clients WHERE workspace_id = :workspace ORDER BY issued_at, client_id")
                .bind("workspace", workspaceId)
                .map(JdbiOAuthClientStore::map)
                .list()));
    }

    @Override
    public boolean deleteMachineClient(String workspaceId, String clientId) {
        return StoreCalls.call(() -> jdbi.withHandle(h -> h.createUpdate(
                                "DELETE FROM oauth_clients WHERE client_id = :id AND workspace_id = :workspace")
                        .bind("id", clientId)
                        .bind("workspace", workspaceId)
                        .execute()))
                > 0;
    }

    private static OAuthClient map(ResultSet rs, StatementContext ctx) throws SQLException {
        Optional<String> workspace = optionalString(rs, "workspace_id");
        String createdBy = rs.getString("created_by");
        return new OAuthClient(
                rs.getString("client_id"),
                optionalString(rs, "secret_hash"),
                ClientAuthMethod.fromWire(rs.getString("auth_method")).orElseThrow(),
                optionalString(rs, "client_name"),
                // A machine client has none, stored as an empty text.
                java.util.Arrays.stream(rs.getString("redirect_uris").split("\n"))
                        .filter(uri -> !uri.isEmpty())
                        .toList(),
                optionalString(rs, "scope"),
                instant(rs, "issued_at"),
                optionalInstant(rs, "last_used_at"),
                workspace.map(id -> new OAuthClient.Machine(id, createdBy)),
                optionalString(rs, "jwks"));
    }
}
