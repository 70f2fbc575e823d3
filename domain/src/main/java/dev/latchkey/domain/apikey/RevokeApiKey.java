package dev.latchkey.domain.apikey;

import dev.latchkey.domain.audit.AuditTrail;
import dev.latchkey.domain.audit.Initiator;
import dev.latchkey.domain.auth.events.CredentialEvent;
import dev.latchkey.domain.auth.events.CredentialEvents;
import java.time.Clock;
import java.util.Map;

/**
 * Revokes a key: it fails on the very next request in this process, and in others within the
 * verifier's revalidation interval. Idempotent; the row is kept with {@code revokedAt}.
 */
public final class RevokeApiKey {
    private final ApiKeyStore keys;
    private final CredentialEvents events;
    private final Clock clock;
    private final AuditTrail audit;

    public RevokeApiKey(ApiKeyStore keys, CredentialEvents events, Clock clock, AuditTrail audit) {
        this.keys = keys;
        this.events = events;
        this.clock = clock;
        this.audit = audit;
    }

    public void execute(String workspaceId, String keyId, Initiator initiator) {
        ApiKey key = WorkspaceKeys.find(keys, workspaceId, keyId);
        boolean revokedNow = keys.markRevoked(key.id(), clock.instant());
        events.publish(new CredentialEvent.CredentialChanged(key.id()));
        if (revokedNow) {
            audit.record(workspaceId, initiator, "api_key.revoked", key.id(), Map.of("prefix", key.lookupPrefix()));
        }
    }
}
