package dev.latchkey.domain.token;

import java.time.Instant;

/** Token ids signed out before their expiry; an entry is needed only until the token would expire. */
public interface RevokedTokenStore {

    void revoke(String tokenId, String userId, Instant tokenExpiresAt);

    boolean isRevoked(String tokenId);
}
