package dev.latchkey.domain.oauth;

import dev.latchkey.domain.auth.VerificationCache;
import java.time.Clock;
import java.util.List;

/**
 * Revokes token families and forgets their cached verifications in this process at once; other
 * processes see it within their revalidation bound.
 */
public final class OAuthRevocations {
    private final OAuthTokenStore tokens;
    private final VerificationCache cache;
    private final Clock clock;

    public OAuthRevocations(OAuthTokenStore tokens, VerificationCache cache, Clock clock) {
        this.tokens = tokens;
        this.cache = cache;
        this.clock = clock;
    }

    /** Revokes the family; returns how many token pairs it revoked. */
    public int revokeFamily(String familyId) {
        List<String> revoked = tokens.revokeFamily(familyId, clock.instant());
        // A verified OAuth token's cache entry carries its family as the proof it rests on.
        cache.invalidateWhere(entry -> entry.proof().equals(familyId));
        return revoked.size();
    }
}
