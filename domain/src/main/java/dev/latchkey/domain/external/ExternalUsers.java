package dev.latchkey.domain.external;

import dev.latchkey.domain.common.IdGenerator;
import dev.latchkey.domain.error.AuthError;
import dev.latchkey.domain.error.AuthFailure;
import dev.latchkey.domain.mail.EmailAddress;
import dev.latchkey.domain.membership.AcceptInvitations;
import dev.latchkey.domain.user.User;
import dev.latchkey.domain.user.UserStore;
import java.time.Clock;
import java.util.Optional;

/**
 * The Latchkey user behind an external identity: the one it is linked to, or — on first sign-in —
 * the account with its verified email, or a new account. An unverified email never links to an
 * existing account: that would let anyone claim it. And an identity never links to an account whose
 * own address was never proven: that account may have been registered by someone else, first, to
 * wait for its owner (pre-account hijacking). The verified identity takes such an account over
 * instead: its password is dropped, every token of it ends, and the takeover is audited in each of
 * its workspaces.
 */
public final class ExternalUsers {
    private final ExternalIdentityStore identities;
    private final UserStore users;
    private final AcceptInvitations invitations;
    private final Takeovers takeovers;
    private final IdGenerator ids;
    private final Clock clock;

    /** What happens to an unproven account a verified identity takes over, beyond the store (caches, audit). */
    public interface Takeovers {
        Takeovers NONE = user -> {};

        void tookOver(User user);
    }

    public ExternalUsers(
            ExternalIdentityStore identities,
            UserStore users,
            AcceptInvitations invitations,
            IdGenerator ids,
            Clock clock) {
        this(identities, users, invitations, Takeovers.NONE, ids, clock);
    }

    public ExternalUsers(
            ExternalIdentityStore identities,
            UserStore users,
            AcceptInvitations invitations,
            Takeovers takeovers,
            IdGenerator ids,
            Clock clock) {
        this.identities = identities;
        this.users = users;
        this.invitations = invitations;
        this.takeovers = takeovers;
        this.ids = ids;
        this.clock = clock;
    }

    /** The longest subject an identity may have: what the identity store keeps. */
    public static final int MAX_SUBJECT = 255;

    public Optional<User> linked(ExternalClaims claims) {
        if (claims.subject().length() > MAX_SUBJECT) {
            throw new AuthFailure(
                    AuthError.INVALID_JWT, "The token's subject is longer than " + MAX_SUBJECT + " characters");
        }
        return identities.findUserId(claims.issuerName(), claims.subject()).flatMap(users::findById);
    }

    public User linkedOrNew(ExternalClaims claims) {
        return linked(claims).orElseGet(() -> linkOrCreate(claims));
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
            User created = new User(
                    ids.newId("usr"),
                    email,
                    Optional.empty(),
                    clock.instant(),
                    Optional.empty(),
                    Optional.of(clock.instant()));
            if (users.insert(created)) {
                return created;
            }
            return users.findByEmail(email).orElseThrow(); // lost a race to a concurrent sign-up
        });
        if (!user.isEmailVerified()) {
            users.resetCredentials(user.id(), Optional.empty(), User.tokensValidFrom(clock.instant()));
            takeovers.tookOver(user);
            user = users.findById(user.id()).orElseThrow();
        }
        invitations.forVerifiedAddress(user);
        identities.link(claims.issuerName(), claims.subject(), user.id());
        // A concurrent first sign-in may have linked the identity first; its link wins.
        return linked(claims).orElse(user);
    }
}
