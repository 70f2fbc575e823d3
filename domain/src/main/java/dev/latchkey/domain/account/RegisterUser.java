package dev.latchkey.domain.account;

import dev.latchkey.domain.auth.FailedAttemptLimiter;
import dev.latchkey.domain.common.IdGenerator;
import dev.latchkey.domain.common.SecretHasher;
import dev.latchkey.domain.error.AuthFailure;
import dev.latchkey.domain.error.RequestError;
import dev.latchkey.domain.error.RequestRejected;
import dev.latchkey.domain.mail.EmailAddress;
import dev.latchkey.domain.token.AccessToken;
import dev.latchkey.domain.token.IssueUserToken;
import dev.latchkey.domain.user.User;
import dev.latchkey.domain.user.UserStore;
import java.time.Clock;
import java.util.Optional;

/**
 * {@code POST /auth/register}: an account with an argon2id-hashed password and a first token. The
 * address is not proven by registering: the account gets a mailed link to prove it, and until then
 * it is never linked to an external identity and never receives an invitation (so registering
 * someone else's address first gains nothing). Registrations are budgeted per client address, and
 * password sign-up can be switched off where people sign up with an identity provider.
 *
 * <p>Two ways to finish: with a token at once (the agent-platform document's row), which cannot
 * hide that an address already has an account (409), or after the mailed link — every registration
 * then answers the same, the owner of a taken address gets a mail instead, and signing in waits
 * for the proven address ({@link LogIn}).
 */
public final class RegisterUser {
    private final UserStore users;
    private final SecretHasher hasher;
    private final IssueUserToken tokens;
    private final AddressProofs proofs;
    private final FailedAttemptLimiter perAddress;
    private final IdGenerator ids;
    private final Clock clock;
    private final boolean signUpOpen;
    private final boolean tokenAtOnce;

    public RegisterUser(
            UserStore users,
            SecretHasher hasher,
            IssueUserToken tokens,
            AddressProofs proofs,
            FailedAttemptLimiter perAddress,
            IdGenerator ids,
            Clock clock,
            boolean signUpOpen,
            boolean tokenAtOnce) {
        this.tokenAtOnce = tokenAtOnce;
        this.users = users;
        this.hasher = hasher;
        this.tokens = tokens;
        this.proofs = proofs;
        this.perAddress = perAddress;
        this.ids = ids;
        this.clock = clock;
        this.signUpOpen = signUpOpen;
    }

    /**
     * @return the account's first token, or empty when registration finishes on the mailed link
     *     (then whether or not the address was taken)
     * @throws RequestRejected {@code invalid_request} for a bad email or password, {@code conflict}
     *     when the email is taken and a token is given at once (saying only that; the address's owner
     *     is told by mail), {@code not_found} when password sign-up is switched off
     * @throws AuthFailure {@code rate_limited} past the client address's budget
     */
    public Optional<AccessToken> execute(String emailInput, String password, String clientAddress) {
        if (!signUpOpen) {
            throw RequestRejected.notFound(
                    "Password sign-up is switched off here: sign in with your identity" + " provider");
        }
        perAddress.spend(
                clientAddress == null ? "unknown" : clientAddress,
                "Too many registrations from this address; try again later");
        EmailAddress email;
        try {
            email = EmailAddress.parse(emailInput);
        } catch (IllegalArgumentException e) {
            throw RequestRejected.invalid(e.getMessage());
        }
        Passwords.requireAcceptable(password, email);
        // Hashed before the address is looked up, so that a taken address costs the same time.
        User user = new User(
                ids.newId("usr"), email, Optional.of(hasher.hash(password)), clock.instant(), Optional.empty());
        if (!users.insert(user)) {
            users.findByEmail(email).ifPresent(proofs::tellOwnerOfAttempt);
            if (!tokenAtOnce) {
                return Optional.empty();
            }
            throw new RequestRejected(RequestError.CONFLICT, "An account with this email already exists");
        }
        proofs.sendVerification(user);
        return tokenAtOnce ? Optional.of(tokens.forUser(user)) : Optional.empty();
    }
}
