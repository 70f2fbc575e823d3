package dev.latchkey.domain.user;

import dev.latchkey.domain.mail.EmailAddress;
import java.time.Instant;
import java.util.Optional;

/** Where user accounts are kept; passwords only as argon2id hashes. */
public interface UserStore {

    /** Stores a new user; false (and nothing stored) when the email is already registered. */
    boolean insert(User user);

    Optional<User> findById(String id);

    Optional<User> findByEmail(EmailAddress email);

    /** Records a "sign out everywhere": tokens issued before {@code at} stop working. */
    void setTokensValidAfter(String userId, Instant at);

    /** Records that the address was proven at {@code at}, unless it already was. */
    void markEmailVerified(String userId, Instant at);

    /**
     * After the address was proven by mail or by a verified identity: replaces the password (or drops
     * it, when empty), ends every token issued before {@code at}, and marks the address verified.
     */
    void resetCredentials(String userId, Optional<String> passwordHash, Instant at);
}
