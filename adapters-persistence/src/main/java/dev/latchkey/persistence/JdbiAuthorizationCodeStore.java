package dev.latchkey.persistence;

import static dev.latchkey.persistence.Columns.instant;
import static dev.latchkey.persistence.Columns.optionalString;
import static dev.latchkey.persistence.Columns.utc;

import dev.latchkey.domain.oauth.AuthorizationCode;
import dev.latchkey.domain.oauth.AuthorizationCodeStore;
import dev.latchkey.domain.scope.ScopeSet;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** Redemption is a conditional UPDATE inside a transaction, so of two racing redemptions exactly one is first. */
final class JdbiAuthorizationCodeStore implements AuthorizationCodeStore {
    private static final String COLUMNS = "code_hash, client_id, redirect_uri, code_challenge, scopes, resource, "
            + "user_id, workspace_id, issued_at, expires_at";

    private final Jdbi jdbi;

    JdbiAuthorizationCodeStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void insert(AuthorizationCode c) {
        StoreCalls.run(() -> jdbi.useHandle(
                h -> h.createUpdate("INSERT INTO oauth_codes (" + COLUMNS + ") VALUES (:hash, :client, :redirect, "
                                + ":challenge, :scopes, :resource, :user, :workspace, :issuedAt, :expiresAt)")
                        .bind("hash", c.codeHash())
                        .bind("client", c.clientId())
                        .bind("redirect", c.redirectUri())
                        .bind("challenge", c.codeChallenge())
                        .bind("scopes", c.scopes().toSpaceSeparated())
                        .bind("resource", c.resource())
                        .bind("user", c.userId())
                        .bind("workspace", c.workspaceId())
                        .bind("issuedAt", utc(c.issuedAt()))
                        .bind("expiresAt", utc(c.expiresAt()))
                        .execute()));
    }

    @Override
    public Optional<Redemption> redeem(String codeHash, String familyId, Instant at) {
        return StoreCalls.call(() -> jdbi.inTransaction(h -> {
            int first = h.createUpdate("UPDATE oauth_codes SET family_id = :family, redeemed_at = :at "
                            + "WHERE code_hash = :hash AND family_id IS NULL")
                    .bind("family", familyId)
                    .bind("at", utc(at))
                    .bind("hash", codeHash)
                    .execute();
            return h.createQuery("SELECT " + COLUMNS + ", family_id FROM oauth_codes WHERE code_hash = :hash")
                    .bind("hash", codeHash)
                    .map((rs, ctx) ->
                            new Redemption(map(rs), first == 1 ? Optional.empty() : optionalString(rs, "family_id")))
                    .findOne();
        }));
    }

    @Override
    public int deleteExpiredBefore(Instant cutoff) {
        return StoreCalls.call(
                () -> jdbi.withHandle(h -> h.createUpdate("DELETE FROM oauth_codes WHERE expires_at < :cutoff")
                        .bind("cutoff", utc(cutoff))
                        .execute()));
    }

    private static AuthorizationCode map(ResultSet rs) throws SQLException {
        return new AuthorizationCode(
                rs.getString("code_hash"),
                rs.getString("client_id"),
                rs.getString("redirect_uri"),
                rs.getString("code_challenge"),
                ScopeSet.parseSpaceSeparated(rs.getString("scopes")),
                rs.getString("resource"),
                rs.getString("user_id"),
                rs.getString("workspace_id"),
                instant(rs, "issued_at"),
                instant(rs, "expires_at"));
    }
}
