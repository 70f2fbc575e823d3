package dev.latchkey.domain.oauth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Housekeeping: open registration must not let abandoned clients pile up, and spent codes and dead
 * token pairs serve no one. Run periodically.
 */
public final class ExpireOAuthRecords {
    /** Kept a while past expiry so that a replay still finds the family to revoke. */
    private static final Duration KEEP_EXPIRED = Duration.ofDays(1);

    private final OAuthClientStore clients;
    private final AuthorizationCodeStore codes;
    private final OAuthTokenStore tokens;
    private final Duration unusedClientExpiry;
    private final Clock clock;

    public ExpireOAuthRecords(
            OAuthClientStore clients,
            AuthorizationCodeStore codes,
            OAuthTokenStore tokens,
            Duration unusedClientExpiry,
            Clock clock) {
        this.clients = clients;
        this.codes = codes;
        this.tokens = tokens;
        this.unusedClientExpiry = unusedClientExpiry;
        this.clock = clock;
    }

    /** Returns how many records were deleted. */
    public int run() {
        Instant now = clock.instant();
        return clients.deleteNeverUsedIssuedBefore(now.minus(unusedClientExpiry))
                + codes.deleteExpiredBefore(now.minus(KEEP_EXPIRED))
                + tokens.deleteExpiredBefore(now.minus(KEEP_EXPIRED));
    }
}
