package dev.latchkey.domain.user;

import java.time.Instant;
import java.util.Objects;

/**
 * A single-use token sent by mail: only its SHA-256 is stored. It proves that whoever presents it
 * reads mail at the account's address.
 */
public record EmailToken(String hash, String userId, Purpose purpose, Instant expiresAt) {

    /** What the token lets its bearer do. */
    public enum Purpose {
        VERIFY_EMAIL,
        RESET_PASSWORD
    }

    public EmailToken {
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }
}
