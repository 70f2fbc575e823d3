package dev.latchkey.domain.oauth;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Issued OAuth token pairs, found by the hash of either token. */
public interface OAuthTokenStore {

    void insert(OAuthToken token);

    Optional<OAuthToken> findByAccessHash(String accessHash);

    Optional<OAuthToken> findByRefreshHash(String refreshHash);

    /** Marks the pair's refresh token exchanged; false when it already was (a concurrent or replayed refresh). */
    boolean markRotated(String id, Instant at);

    /** Revokes every pair of the family not yet revoked; returns the ids revoked. */
    List<String> revokeFamily(String familyId, Instant at);

    /** The user's pairs that are not revoked and whose refresh token has not expired, newest first. */
    List<OAuthToken> listLiveByUser(String userId, Instant now);

    /** Deletes pairs whose refresh token expired before {@code cutoff}; returns how many. */
    int deleteExpiredBefore(Instant cutoff);
}
