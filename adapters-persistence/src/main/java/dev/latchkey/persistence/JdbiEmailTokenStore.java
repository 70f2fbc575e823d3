package dev.latchkey.persistence;

import static dev.latchkey.persistence.Columns.instant;
import static dev.latchkey.persistence.Columns.utc;

import dev.latchkey.domain.user.EmailToken;
import dev.latchkey.domain.user.EmailTokenStore;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

final class JdbiEmailTokenStore implements EmailTokenStore {
    private final Jdbi jdbi;

    JdbiEmailTokenStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void insert(EmailToken token) {
        StoreCalls.run(() ->
                jdbi.useHandle(h -> h.createUpdate("INSERT INTO email_tokens (hash, user_id, purpose, expires_at) "
                                + "VALUES (:hash, :user, :purpose, :expiresAt)")
                        .bind("hash", token.hash())
                        .bind("user", token.userId())
                        .bind("purpose", token.purpose().name().toLowerCase(Locale.ROOT))
                        .bind("expiresAt", utc(token.expiresAt()))
                        .execute()));
    }

    /** One conditional update decides who uses the token, so two concurrent redemptions cannot both win. */
    @Override
    public Optional<EmailToken> consume(String hash, EmailToken.Purpose purpose, Instant now) {
        String wire = purpose.name().toLowerCase(Locale.ROOT);
        return StoreCalls.call(() -> jdbi.inTransaction(h -> {
            int used = h.createUpdate(
                            "UPDATE email_tokens SET used_at = :now WHERE hash = :hash AND purpose = :purpose "
                                    + "AND used_at IS NULL AND expires_at > :now")
                    .bind("now", utc(now))
                    .bind("hash", hash)
                    .bind("purpose", wire)
                    .execute();
            if (used != 1) {
                return Optional.<EmailToken>empty();
            }
            return h.createQuery("SELECT hash, user_id, expires_at FROM email_tokens WHERE hash = :hash")
                    .bind("hash", hash)
                    .map((rs, ctx) -> new EmailToken(
                            rs.getString("hash"), rs.getString("user_id"), purpose, instant(rs, "expires_at")))
                    .findOne();
        }));
    }
}
