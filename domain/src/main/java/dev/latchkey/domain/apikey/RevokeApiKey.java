package dev.latchkey.domain.apikey;

import dev.latchkey.domain.audit.AuditTrail;
import dev.latchkey.domain.auth.VerificationCache;
import dev.latchkey.domain.common.Initiator;
import java.time.Clock;
import java.util.Map;

/**
 * Revokes a key: it fails on the very next request in this process, and in others within the
 * verifier's revalidation interval. Idempotent; the row is kept with {@code revokedAt}.
 */
public final class RevokeApiKey {
    private final ApiKeyStore keys;
    private final VerificationCache cache;
    private final Clock clock;
    private final AuditTrail audit;

    public RevokeApiKey(ApiKeyStore keys, VerificationCache cache, Clock clock, AuditTrail audit) {
        this.keys = keys;
        this.cache = cache;
        this.clock = clock;
        this.audit = audit;
    }

    public void execute(String workspaceId, String keyId, Initiator initiator) {
        ApiKey key = WorkspaceKeys.find(keys, workspaceId, keyId);
        boolean revokedNow = keys.markRevoked(key.id(), clock.instant());
        cache.invalidate(key.id());
        if (revokedNow) {
            audit.record(workspaceId, initiator, "api_key.revoked", key.id(), Map.of("prefix", key.lookupPrefix()));
        }
    }
}
