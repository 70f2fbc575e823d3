package dev.latchkey.domain.apikey;

import dev.latchkey.domain.audit.AuditTrail;
import dev.latchkey.domain.audit.Initiator;
import dev.latchkey.domain.auth.Authority;
import dev.latchkey.domain.auth.events.CredentialEvent;
import dev.latchkey.domain.auth.events.CredentialEvents;
import dev.latchkey.domain.error.AuthFailure;
import dev.latchkey.domain.error.RequestError;
import dev.latchkey.domain.error.RequestRejected;
import dev.latchkey.domain.scope.ScopeSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Zero-downtime rotation: issues a new key with the same name, scopes and expiry, and lets the old
 * one work until a grace period ends, after which it fails like a revoked key. Rolling mints a key,
 * so the caller must hold every scope of the key it rolls; and a key is rolled once — a second roll
 * inside the grace period would leave several live replacements (roll the replacement instead).
 */
public final class RollApiKey {
    public static final Duration MAX_GRACE = Duration.ofDays(7);

    /** The new key, and when the key it replaces stops working. */
    public record Rolled(IssuedApiKey replacement, String replacedKeyId, Instant replacedKeyExpiresAt) {}

    private final ApiKeyStore keys;
    private final IssueApiKey issuer;
    private final CredentialEvents events;
    private final Clock clock;
    private final AuditTrail audit;

    public RollApiKey(ApiKeyStore keys, IssueApiKey issuer, CredentialEvents events, Clock clock, AuditTrail audit) {
        this.keys = keys;
        this.issuer = issuer;
        this.events = events;
        this.clock = clock;
        this.audit = audit;
    }

    /**
     * @throws AuthFailure {@code insufficient_scope} when the key holds scopes the caller does not
     * @throws RequestRejected {@code conflict} when the key is revoked, expired or already rolled
     */
    public Rolled execute(
            String workspaceId, String keyId, Duration grace, ScopeSet callerScopes, Initiator initiator) {
        if (grace.isNegative() || grace.compareTo(MAX_GRACE) > 0) {
            throw RequestRejected.invalid("grace_seconds must be between 0 and " + MAX_GRACE.toSeconds());
        }
        ApiKey old = WorkspaceKeys.find(keys, workspaceId, keyId);
        Instant now = clock.instant();
        if (!old.isUsableAt(now)) {
            throw new RequestRejected(
                    RequestError.CONFLICT, "API key " + keyId + " is " + old.statusAt(now) + " and cannot be rolled");
        }
        Authority.requireWithin(callerScopes, old.scopes(), "the rolled key's");
        if (!keys.markRolled(old.id(), now)) {
            throw new RequestRejected(
                    RequestError.CONFLICT,
                    "API key " + keyId + " was already rolled; roll its" + " replacement instead");
        }
        IssuedApiKey replacement = issuer.mint(workspaceId, old.name(), old.scopes(), old.expiresAt(), initiator, now);
        Instant oldExpiry =
                old.expiresAt().filter(e -> e.isBefore(now.plus(grace))).orElse(now.plus(grace));
        keys.expireNoLaterThan(old.id(), oldExpiry);
        events.publish(new CredentialEvent.CredentialChanged(old.id()));
        audit.record(
                workspaceId,
                initiator,
                "api_key.rolled",
                old.id(),
                Map.of(
                        "replacement_id",
                        replacement.key().id(),
                        "replacement_prefix",
                        replacement.key().lookupPrefix(),
                        "grace_seconds",
                        Long.toString(grace.toSeconds())));
        return new Rolled(replacement, old.id(), oldExpiry);
    }
}
