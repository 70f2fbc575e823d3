package dev.latchkey.persistence;

import static dev.latchkey.persistence.Columns.utc;

import dev.latchkey.domain.token.RevokedTokenStore;
import java.time.Instant;
import org.jdbi.v3.core.Jdbi;

final class JdbiRevokedTokenStore implements RevokedTokenStore {
    private final Jdbi jdbi;

    JdbiRevokedTokenStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void revoke(String tokenId, String userId, Instant tokenExpiresAt) {
        revokeOnce(tokenId, userId, tokenExpiresAt);
    }

    @Override
    public boolean revokeOnce(String tokenId, String userId, Instant tokenExpiresAt) {
        return StoreCalls.insertUnlessDuplicate(() -> jdbi.useHandle(h -> h.createUpdate(
                        "INSERT INTO revoked_tokens (token_id, user_id, expires_at) VALUES (:id, :user, :exp)")
                .bind("id", tokenId)
                .bind("user", userId)
                .bind("exp", utc(tokenExpiresAt))
                .execute()));
    }

    @Override
    public int deleteExpiredBefore(Instant cutoff) {
        return StoreCalls.call(
                () -> jdbi.withHandle(h -> h.createUpdate("DELETE FROM revoked_tokens WHERE expires_at < :cutoff")
                        .bind("cutoff", utc(cutoff))
                        .execute()));
    }

    @Override
    public boolean isRevoked(String tokenId) {
        return StoreCalls.call(
                () -> jdbi.withHandle(h -> h.createQuery("SELECT 1 FROM revoked_tokens WHERE token_id = :id")
                        .bind("id", tokenId)
                        .mapTo(Integer.class)
                        .findOne()
                        .isPresent()));
    }
}
