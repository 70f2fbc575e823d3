package dev.latchkey.domain.token;

import java.time.Instant;

/** Token ids signed out before their expiry; an entry is needed only until the token would expire. */
public interface RevokedTokenStore {

    void revoke(String tokenId, String userId, Instant tokenExpiresAt);

    boolean isRevoked(String tokenId);

    /**
     * Records {@code tokenId} as spent, atomically: true for the one call that recorded it, false for
     * every later one (a single-use client assertion replayed, even concurrently or on another instance).
     */
    boolean revokeOnce(String tokenId, String userId, Instant tokenExpiresAt);

    /**
     * Forgets the tokens that expired before {@code cutoff} (a token past its expiry is refused for
     * that alone, so its entry protects nothing); returns how many.
     */
    int deleteExpiredBefore(Instant cutoff);
}
