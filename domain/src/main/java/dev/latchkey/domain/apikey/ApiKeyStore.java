package dev.latchkey.domain.apikey;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Where API keys are kept: prefix and hash only. Rows are never deleted. */
public interface ApiKeyStore {

    /** Stores a new key; false (and nothing stored) when its lookup prefix is already taken. */
    boolean insert(ApiKey key);

    Optional<ApiKey> findByLookupPrefix(String lookupPrefix);

    Optional<ApiKey> findById(String id);

    /** The workspace's keys, newest first, revoked ones included. */
    List<ApiKey> listByWorkspace(String workspaceId);

    /** Sets {@code revokedAt} unless already revoked; true when this call revoked it. */
    boolean markRevoked(String id, Instant at);

    /** Records that the key was rolled; false (nothing changed) when it already had been: a key is rolled once. */
    boolean markRolled(String id, Instant at);

    /** Brings the expiry forward to {@code at} (never pushes an earlier expiry later). */
    void expireNoLaterThan(String id, Instant at);

    /** Advances {@code lastUsedAt} of many keys at once; an older instant never overwrites a newer. */
    void recordLastUsed(Map<String, Instant> lastUsedByKeyId);
}
