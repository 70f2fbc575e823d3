package dev.latchkey.domain.oauth;

import java.time.Instant;
import java.util.Optional;

/** Issued authorization codes, redeemable once. */
public interface AuthorizationCodeStore {

    /** What redeeming a code found: the code, and the token family of an earlier redemption if any. */
    record Redemption(AuthorizationCode code, Optional<String> earlierFamilyId) {
        public boolean isFirst() {
            return earlierFamilyId.isEmpty();
        }
    }

    void insert(AuthorizationCode code);

    /**
     * Redeems the code for token family {@code familyId}, atomically: of two racing redemptions one
     * is first, and the other learns the family the first one created.
     */
    Optional<Redemption> redeem(String codeHash, String familyId, Instant at);

    /** Deletes codes that expired before {@code cutoff}; returns how many. */
    int deleteExpiredBefore(Instant cutoff);
}
