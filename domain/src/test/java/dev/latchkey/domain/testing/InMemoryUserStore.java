package dev.latchkey.domain.testing;

import dev.latchkey.domain.mail.EmailAddress;
import dev.latchkey.domain.user.User;
import dev.latchkey.domain.user.UserStore;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The in-memory twin of the JDBI store; passes the same contract test. */
public final class InMemoryUserStore implements UserStore {
    private final Map<String, User> byId = new ConcurrentHashMap<>();

    @Override
    public synchronized boolean insert(User user) {
        if (byId.containsKey(user.id()) || findByEmail(user.email()).isPresent()) {
            return false;
        }
        byId.put(user.id(), user);
        return true;
    }

    @Override
    public Optional<User> findById(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    @Override
    public Optional<User> findByEmail(EmailAddress email) {
        return byId.values().stream().filter(u -> u.email().equals(email)).findFirst();
    }

    @Override
    public synchronized void setTokensValidAfter(String userId, Instant at) {
        User u = byId.get(userId);
        if (u != null) {
            byId.put(
                    userId,
                    new User(u.id(), u.email(), u.passwordHash(), u.createdAt(), Optional.of(at), u.emailVerifiedAt()));
        }
    }

    @Override
    public synchronized void markEmailVerified(String userId, Instant at) {
        User u = byId.get(userId);
        if (u != null && u.emailVerifiedAt().isEmpty()) {
            byId.put(
                    userId,
                    new User(
                            u.id(), u.email(), u.passwordHash(), u.createdAt(), u.tokensValidAfter(), Optional.of(at)));
        }
    }

    @Override
    public synchronized void resetCredentials(String userId, Optional<String> passwordHash, Instant at) {
        User u = byId.get(userId);
        if (u != null) {
            byId.put(
                    userId,
                    new User(
                            u.id(),
                            u.email(),
                            passwordHash,
                            u.createdAt(),
                            Optional.of(at),
                            Optional.of(u.emailVerifiedAt().orElse(at))));
        }
    }
}
