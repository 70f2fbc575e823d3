package dev.latchkey.domain.user;

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
}
