package dev.latchkey.domain.external;

import dev.latchkey.domain.common.IdGenerator;
import dev.latchkey.domain.error.AuthError;
import dev.latchkey.domain.error.AuthFailure;
import dev.latchkey.domain.error.RequestRejected;
import dev.latchkey.domain.membership.AcceptInvitations;
import dev.latchkey.domain.token.AccessToken;
import dev.latchkey.domain.token.IssueUserToken;
import dev.latchkey.domain.user.EmailAddress;
import dev.latchkey.domain.user.User;
import dev.latchkey.domain.user.UserStore;
import java.time.Clock;
import java.util.Optional;

/**
 * {@code POST /auth/google} and its kin: an ID token from a trusted issuer in, a Latchkey user
 * access token out. The identity's link decides the user; an unlinked identity with a verified email
 * is linked to the account of that email, or to a new account (without a password) when there is none.
 * An unverified email never links to an existing account: that would let anyone claim it.
 */
public final class SignInWithExternalIdentity {
    private final ExternalTokenVerifier tokens;
    private final ExternalIdentityStore identities;
    private final UserStore users;
    private final AcceptInvitations invitations;
    private final IssueUserToken issueToken;
    private final IdGenerator ids;
    private final Clock clock;

    public SignInWithExternalIdentity(ExternalTokenVerifier tokens, ExternalIdentityStore identities, UserStore users,
            AcceptInvitations invitations, IssueUserToken issueToken, IdGenerator ids, Clock clock) {
        this.tokens = tokens;
        this.identities = identities;
        this.users = users;
        this.invitations = invitations;
        this.issueToken = issueToken;
        this.ids = ids;
        this.clock = clock;
    }

    public AccessToken execute(String issuerName, String idToken) {
        if (!tokens.isConfigured(issuerName)) {
            throw new RequestRejected(dev.latchkey.domain.error.RequestError.NOT_FOUND,
                    "Sign-in with " + issuerName + " is not configured on this server");
        }
        if (idToken == null || idToken.isBlank()) {
            throw new AuthFailure(AuthError.INVALID_JWT, "id_token is required");
        }
        ExternalClaims claims = tokens.verify(issuerName, idToken);
        Optional<User> linked = identities.findUserId(issuerName, claims.subject()).flatMap(users::findById);
        User user = linked.orElseGet(() -> linkOrCreate(claims));
        return issueToken.forUser(user);
    }

    private User linkOrCreate(ExternalClaims claims) {
        if (!claims.emailVerified() || claims.email().isEmpty()) {
            throw new AuthFailure(AuthError.INVALID_JWT, "The identity has no verified email address");
        }
        EmailAddress email;
        try {
            email = EmailAddress.parse(claims.email().get());
        } catch (IllegalArgumentException e) {
            throw new AuthFailure(AuthError.INVALID_JWT, "The identity's email address is not valid");
        }
        User user = users.findByEmail(email).orElseGet(() -> {
            User created = new User(ids.newId("usr"), email, Optional.empty(), clock.instant(), Optional.empty());
            if (users.insert(created)) {
                invitations.forNewUser(created);
                return created;
            }
            return users.findByEmail(email).orElseThrow(); // lost a race to a concurrent sign-up
        });
        identities.link(claims.issuerName(), claims.subject(), user.id());
        // A concurrent first sign-in may have linked the identity first; its link wins.
        return identities.findUserId(claims.issuerName(), claims.subject()).flatMap(users::findById).orElse(user);
    }
}
