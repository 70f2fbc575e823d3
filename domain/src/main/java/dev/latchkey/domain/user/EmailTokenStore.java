package dev.latchkey.domain.user;

import java.time.Instant;
import java.util.Optional;

/** Where the hashes of mailed single-use tokens are kept until used or expired. */
public interface EmailTokenStore {

    void insert(EmailToken token);

    /**
     * Uses the token with this hash and purpose, if it exists, is unused and has not expired at
     * {@code now}: at most one caller ever gets it.
     */
    Optional<EmailToken> consume(String hash, EmailToken.Purpose purpose, Instant now);
}
