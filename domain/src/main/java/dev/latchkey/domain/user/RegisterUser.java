package dev.latchkey.domain.user;

import dev.latchkey.domain.common.IdGenerator;
import dev.latchkey.domain.common.SecretHasher;
import dev.latchkey.domain.error.RequestError;
import dev.latchkey.domain.error.RequestRejected;
import dev.latchkey.domain.membership.AcceptInvitations;
import dev.latchkey.domain.token.AccessToken;
import dev.latchkey.domain.token.IssueUserToken;
import java.time.Clock;
import java.util.Optional;

/** {@code POST /auth/register}: an account with an argon2id-hashed password, and a first token. */
public final class RegisterUser {
    private final UserStore users;
    private final SecretHasher hasher;
    private final IssueUserToken tokens;
    private final IdGenerator ids;
    private final AcceptInvitations invitations;
    private final Clock clock;

    public RegisterUser(UserStore users, SecretHasher hasher, IssueUserToken tokens, AcceptInvitations invitations,
            IdGenerator ids, Clock clock) {
        this.users = users;
        this.invitations = invitations;
        this.hasher = hasher;
        this.tokens = tokens;
        this.ids = ids;
        this.clock = clock;
    }

    /**
     * @throws RequestRejected {@code invalid_request} for a bad email or password, {@code conflict}
     *     when the email is taken (saying only that)
     */
    public AccessToken execute(String emailInput, String password) {
        EmailAddress email;
        try {
            email = EmailAddress.parse(emailInput);
        } catch (IllegalArgumentException e) {
            throw RequestRejected.invalid(e.getMessage());
        }
        Passwords.requireAcceptable(password, email);
        User user = new User(ids.newId("usr"), email, Optional.of(hasher.hash(password)), clock.instant(),
                Optional.empty());
        if (!users.insert(user)) {
            throw new RequestRejected(RequestError.CONFLICT, "An account with this email already exists");
        }
        invitations.forNewUser(user);
        return tokens.forUser(user);
    }
}
