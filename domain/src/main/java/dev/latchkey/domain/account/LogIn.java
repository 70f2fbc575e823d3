package dev.latchkey.domain.account;

import dev.latchkey.domain.auth.FailedAttemptLimiter;
import dev.latchkey.domain.common.SecretHasher;
import dev.latchkey.domain.error.AuthError;
import dev.latchkey.domain.error.AuthFailure;
import dev.latchkey.domain.mail.EmailAddress;
import dev.latchkey.domain.token.AccessToken;
import dev.latchkey.domain.token.IssueUserToken;
import dev.latchkey.domain.user.User;
import dev.latchkey.domain.user.UserStore;
import java.time.Duration;
import java.util.Optional;

/**
 * {@code POST /auth/login}. An unknown email and a wrong password give the same failure after the
 * same argon2id work (a dummy hash is verified when there is no account), and both count towards
 * the per-account and per-address limits, which answer 429 with {@code Retry-After}.
 */
public final class LogIn {
    private final UserStore users;
    private final SecretHasher hasher;
    private final IssueUserToken tokens;
    private final FailedAttemptLimiter perAccount;
    private final FailedAttemptLimiter perAddress;
    private final String dummyHash;
    private final boolean requireProvenAddress;
    /** One message for every failed sign-in, so that none says more than another. */
    private final String failure;

    public LogIn(
            UserStore users,
            SecretHasher hasher,
            IssueUserToken tokens,
            FailedAttemptLimiter perAccount,
            FailedAttemptLimiter perAddress) {
        this(users, hasher, tokens, perAccount, perAddress, false);
    }

    /**
     * @param requireProvenAddress whether a password sign-in waits for the mailed link (registration
     *     that tells nobody whether an address has an account): until then it fails as a wrong
     *     password does, so signing in cannot tell either
     */
    public LogIn(
            UserStore users,
            SecretHasher hasher,
            IssueUserToken tokens,
            FailedAttemptLimiter perAccount,
            FailedAttemptLimiter perAddress,
            boolean requireProvenAddress) {
        this.requireProvenAddress = requireProvenAddress;
        this.failure = requireProvenAddress
                ? "The email or password is incorrect, or the address is not confirmed yet"
                        + " (follow the link mailed to it)"
                : "The email or password is incorrect";
        this.users = users;
        this.hasher = hasher;
        this.tokens = tokens;
        this.perAccount = perAccount;
        this.perAddress = perAddress;
        this.dummyHash = hasher.hash("latchkey timing equaliser");
    }

    public AccessToken execute(String emailInput, String password, String clientAddress) {
        String addressKey = clientAddress == null ? "unknown" : clientAddress;
        // Per account *and* source: a lock per account alone lets anyone lock its owner out from anywhere.
        String accountKey =
                (emailInput == null ? "" : emailInput.strip().toLowerCase(java.util.Locale.ROOT)) + "\n" + addressKey;
        Optional<Duration> wait = perAddress.retryAfter(addressKey).or(() -> perAccount.retryAfter(accountKey));
        if (wait.isPresent()) {
            throw new AuthFailure(
                    AuthError.RATE_LIMITED, "Too many failed sign-in attempts; try again later", wait.get());
        }
        Optional<User> user = parse(emailInput).flatMap(users::findByEmail);
        String hash = user.flatMap(User::passwordHash).orElse(dummyHash);
        boolean matches = password != null
                && hasher.verify(hash, password)
                && user.flatMap(User::passwordHash).isPresent();
        if (matches && requireProvenAddress && !user.get().isEmailVerified()) {
            throw new AuthFailure(AuthError.INVALID_CREDENTIALS, failure);
        }
        if (!matches) {
            perAccount.recordFailure(accountKey);
            perAddress.recordFailure(addressKey);
            throw new AuthFailure(AuthError.INVALID_CREDENTIALS, failure);
        }
        perAccount.reset(accountKey);
        return tokens.forUser(user.get());
    }

    private static Optional<EmailAddress> parse(String input) {
        try {
            return Optional.of(EmailAddress.parse(input));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
