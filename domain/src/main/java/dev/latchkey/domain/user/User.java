package dev.latchkey.domain.user;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A person with a Latchkey account. {@code passwordHash} is empty for accounts that only sign in
 * through an external issuer; {@code tokensValidAfter} is when the user last signed out everywhere:
 * tokens issued before it are dead.
 */
public record User(String id, EmailAddress email, Optional<String> passwordHash, Instant createdAt,
        Optional<Instant> tokensValidAfter) {

    public User {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(passwordHash, "passwordHash");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(tokensValidAfter, "tokensValidAfter");
    }

    /** Whether a token issued at {@code issuedAt} survived the user's last "sign out everywhere". */
    public boolean acceptsTokenIssuedAt(Instant issuedAt) {
        return tokensValidAfter.map(after -> !issuedAt.isBefore(after)).orElse(true);
    }
}
