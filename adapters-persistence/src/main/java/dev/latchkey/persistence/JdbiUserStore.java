package dev.latchkey.persistence;

import static dev.latchkey.persistence.Columns.instant;
import static dev.latchkey.persistence.Columns.optionalInstant;
import static dev.latchkey.persistence.Columns.optionalString;
import static dev.latchkey.persistence.Columns.utc;

import dev.latchkey.domain.mail.EmailAddress;
import dev.latchkey.domain.user.User;
import dev.latchkey.domain.user.UserStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

final class JdbiUserStore implements UserStore {
    private static final String COLUMNS = "id, email, password_hash, created_at, tokens_valid_after, email_verified_at";

    private final Jdbi jdbi;

    JdbiUserStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public boolean insert(User user) {
        return StoreCalls.insertUnlessDuplicate(() -> jdbi.useHandle(h -> h.createUpdate("INSERT INTO users (" + COLUMNS
                        + ") VALUES (:id, :email, :hash, :createdAt, :validAfter, " + ":verifiedAt)")
                .bind("id", user.id())
                .bind("email", user.email().value())
                .bindByType("hash", user.passwordHash().orElse(null), String.class)
                .bind("createdAt", utc(user.createdAt()))
                .bindByType("validAfter", Columns.utcOrNull(user.tokensValidAfter()), OffsetDateTime.class)
                .bindByType("verifiedAt", Columns.utcOrNull(user.emailVerifiedAt()), OffsetDateTime.class)
                .execute()));
    }

    @Override
    public Optional<User> findById(String id) {
        return findOne("id", id);
    }

    @Override
    public Optional<User> findByEmail(EmailAddress email) {
        return findOne("email", email.value());
    }

    private Optional<User> findOne(String column, String value) {
        return StoreCalls.call(() ->
                jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM users WHERE " + column + " = :value")
                        .bind("value", value)
                        .map(JdbiUserStore::map)
                        .findOne()));
    }

    @Override
    public void setTokensValidAfter(String userId, Instant at) {
        StoreCalls.run(
                () -> jdbi.useHandle(h -> h.createUpdate("UPDATE users SET tokens_valid_after = :at WHERE id = :id")
                        .bind("at", utc(at))
                        .bind("id", userId)
                        .execute()));
    }

    @Override
    public void markEmailVerified(String userId, Instant at) {
        StoreCalls.run(() -> jdbi.useHandle(h -> h.createUpdate(
                        "UPDATE users SET email_verified_at = :at WHERE id = :id AND email_verified_at IS NULL")
                .bind("at", utc(at))
                .bind("id", userId)
                .execute()));
    }

    @Override
    public void resetCredentials(String userId, Optional<String> passwordHash, Instant at) {
        StoreCalls.run(() ->
                jdbi.useHandle(h -> h.createUpdate("UPDATE users SET password_hash = :hash, tokens_valid_after = :at, "
                                + "email_verified_at = COALESCE(email_verified_at, :at) WHERE id = :id")
                        .bindByType("hash", passwordHash.orElse(null), String.class)
                        .bind("at", utc(at))
                        .bind("id", userId)
                        .execute()));
    }

    private static User map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new User(
                rs.getString("id"),
                new EmailAddress(rs.getString("email")),
                optionalString(rs, "password_hash"),
                instant(rs, "created_at"),
                optionalInstant(rs, "tokens_valid_after"),
                optionalInstant(rs, "email_verified_at"));
    }
}
