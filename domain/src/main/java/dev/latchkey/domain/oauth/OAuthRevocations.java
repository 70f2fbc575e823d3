package dev.latchkey.domain.oauth;

import dev.latchkey.domain.auth.events.CredentialEvent;
import dev.latchkey.domain.auth.events.CredentialEvents;
import java.time.Clock;
import java.util.List;

/**
 * Revokes token families and forgets their cached verifications in this process at once; other
 * processes see it within their revalidation bound.
 */
public final class OAuthRevocations {
    private final OAuthTokenStore tokens;
    private final CredentialEvents events;
    private final Clock clock;

    public OAuthRevocations(OAuthTokenStore tokens, CredentialEvents events, Clock clock) {
        this.tokens = tokens;
        this.events = events;
        this.clock = clock;
    }

    /** Revokes the family; returns how many token pairs it revoked. */
    public int revokeFamily(String familyId) {
        List<String> revoked = tokens.revokeFamily(familyId, clock.instant());
        events.publish(new CredentialEvent.GrantRevoked(familyId));
        return revoked.size();
    }
}
