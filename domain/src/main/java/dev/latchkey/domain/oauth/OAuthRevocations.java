package dev.latchkey.domain.oauth;

import dev.latchkey.domain.auth.events.CredentialEvent;
import dev.latchkey.domain.auth.events.CredentialEvents;
import java.time.Clock;
import java.util.List;

/**
 * Revokes token families, and sealed machine tokens, and makes every instance forget their cached
 * verifications: this one at once, the others when the credential event reaches them (or within
 * their revalidation bound when it cannot).
 */
public final class OAuthRevocations {
    private final OAuthTokenStore tokens;
    private final SealedMachineTokens sealed;
    private final CredentialEvents events;
    private final Clock clock;

    public OAuthRevocations(OAuthTokenStore tokens, SealedMachineTokens sealed, CredentialEvents events, Clock clock) {
        this.tokens = tokens;
        this.sealed = sealed;
        this.events = events;
        this.clock = clock;
    }

    /** Revokes the family; returns how many token pairs it revoked. */
    public int revokeFamily(String familyId) {
        List<String> revoked = tokens.revokeFamily(familyId, clock.instant());
        events.publish(new CredentialEvent.GrantRevoked(familyId));
        return revoked.size();
    }

    /** Revokes one sealed machine token (its own family: a machine's tokens are each alone). */
    void revokeSealed(OAuthToken token) {
        sealed.revoke(token);
        events.publish(new CredentialEvent.GrantRevoked(token.familyId()));
    }
}
