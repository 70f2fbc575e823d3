package dev.latchkey.domain.user;

import dev.latchkey.domain.mail.EmailAddress;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A person with a Latchkey account. {@code passwordHash} is empty for accounts that only sign in
 * through an external issuer; {@code tokensValidAfter} is when the user last signed out everywhere:
 * tokens issued before it are dead. {@code emailVerifiedAt} is when the address was proven (a mailed
 * link followed, or a verified external identity): until then the account is never linked to an
 * external identity and never receives an invitation.
 */
public record User(
        String id,
        EmailAddress email,
        Optional<String> passwordHash,
        Instant createdAt,
        Optional<Instant> tokensValidAfter,
        Optional<Instant> emailVerifiedAt) {

    /** An account whose address is not proven yet. */
    public User(
            String id,
            EmailAddress email,
            Optional<String> passwordHash,
            Instant createdAt,
            Optional<Instant> tokensValidAfter) {
        this(id, email, passwordHash, createdAt, tokensValidAfter, Optional.empty());
    }

    public User {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(passwordHash, "passwordHash");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(tokensValidAfter, "tokensValidAfter");
        Objects.requireNonNull(emailVerifiedAt, "emailVerifiedAt");
    }

    public boolean isEmailVerified() {
        return emailVerifiedAt.isPresent();
    }

    /**
     * When tokens stop being dead after a "sign out everywhere" at {@code now}: token times are whole
     * seconds, so everything issued up to this second dies and later tokens are dated the next one.
     */
    public static Instant tokensValidFrom(Instant now) {
        return now.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).plusSeconds(1);
    }

    /** Whether a token issued at {@code issuedAt} survived the user's last "sign out everywhere". */
    public boolean acceptsTokenIssuedAt(Instant issuedAt) {
        return tokensValidAfter.map(after -> !issuedAt.isBefore(after)).orElse(true);
    }
}
