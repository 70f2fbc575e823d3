package dev.latchkey.domain.testing;

import dev.latchkey.domain.token.RevokedTokenStore;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The in-memory twin of the JDBI store; passes the same contract test. */
public final class InMemoryRevokedTokenStore implements RevokedTokenStore {
    private final Map<String, Instant> revoked = new ConcurrentHashMap<>();

    @Override
    public void revoke(String tokenId, String userId, Instant tokenExpiresAt) {
        revoked.putIfAbsent(tokenId, tokenExpiresAt);
    }

    @Override
    public boolean revokeOnce(String tokenId, String userId, Instant tokenExpiresAt) {
        return revoked.putIfAbsent(tokenId, tokenExpiresAt) == null;
    }

    @Override
    public boolean isRevoked(String tokenId) {
        return revoked.containsKey(tokenId);
    }

    @Override
    public int deleteExpiredBefore(Instant cutoff) {
        int before = revoked.size();
        revoked.values().removeIf(expiresAt -> expiresAt.isBefore(cutoff));
        return before - revoked.size();
    }
}
