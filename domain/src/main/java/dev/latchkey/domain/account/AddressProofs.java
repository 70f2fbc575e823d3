package dev.latchkey.domain.account;

import dev.latchkey.domain.auth.events.CredentialEvent;
import dev.latchkey.domain.auth.events.CredentialEvents;
import dev.latchkey.domain.error.RequestRejected;
import dev.latchkey.domain.mail.EmailAddress;
import dev.latchkey.domain.mail.Mailer;
import dev.latchkey.domain.mail.OutgoingMail;
import dev.latchkey.domain.membership.AcceptInvitations;
import dev.latchkey.domain.user.EmailToken;
import dev.latchkey.domain.user.User;
import dev.latchkey.domain.user.UserStore;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Proving that a person reads mail at their account's address: verification links, password
 * resets, and what a proven address unlocks (pending invitations). A reset also proves the address,
 * and ends every token of the account, on every device.
 */
public final class AddressProofs {
    public static final Duration VERIFICATION_LIFETIME = Duration.ofHours(24);
    public static final Duration RESET_LIFETIME = Duration.ofMinutes(30);

    private final UserStore users;
    private final EmailTokens emailTokens;
    private final Mailer mailer;
    private final AcceptInvitations invitations;
    private final dev.latchkey.domain.common.SecretHasher hasher;
    private final CredentialEvents events;
    private final Clock clock;
    private final Links links;
    private final dev.latchkey.domain.auth.FailedAttemptLimiter resetsPerAddress;

    /** Where a person takes a mailed token: the edge knows its own addresses, the mails only name them. */
    public record Links(String verifyEmail, String resetPassword) {}

    public AddressProofs(
            UserStore users,
            EmailTokens emailTokens,
            Mailer mailer,
            AcceptInvitations invitations,
            dev.latchkey.domain.common.SecretHasher hasher,
            CredentialEvents events,
            Clock clock,
            Links links,
            dev.latchkey.domain.auth.FailedAttemptLimiter resetsPerAddress) {
        this.users = users;
        this.emailTokens = emailTokens;
        this.mailer = mailer;
        this.invitations = invitations;
        this.hasher = hasher;
        this.events = events;
        this.clock = clock;
        this.links = links;
        this.resetsPerAddress = resetsPerAddress;
    }

    /** Mails the account a link that proves its address. */
    public void sendVerification(User user) {
        if (user.isEmailVerified()) {
            return;
        }
        String token = emailTokens.issue(user, EmailToken.Purpose.VERIFY_EMAIL, VERIFICATION_LIFETIME);
        mailer.send(new OutgoingMail(
                user.email(),
                "Confirm your email address for Latchkey",
                "Someone (hopefully you) made a Latchkey account with this address.\n\nTo confirm it, "
                        + "send this token to " + links.verifyEmail() + "\n\n    token: " + token + "\n\n"
                        + "(valid for 24 hours, once). Until then the account cannot accept invitations or be "
                        + "linked to a Google or other identity.\n\nIf it was not you, ignore this mail.\n"));
    }

    /** Sends the verification link again to a signed-in person whose address is not proven yet. */
    public void resendVerification(String userId) {
        users.findById(userId).ifPresent(this::sendVerification);
    }

    /** Tells the owner of an address that someone tried to register it; nothing else happens. */
    public void tellOwnerOfAttempt(User owner) {
        mailer.send(new OutgoingMail(
                owner.email(),
                "Someone tried to register your address at Latchkey",
                "Someone tried to make a new Latchkey account with this address, which already has one.\n"
                        + "Nothing was changed. If you forgot your password, ask for a reset at "
                        + links.resetPassword() + ".\n"));
    }

    /**
     * Follows a verification link: the address is proven, and its pending invitations become memberships.
     *
     * @throws RequestRejected {@code invalid_request} for an unknown, used or expired link
     */
    public void verify(String token) {
        String userId = emailTokens
                .redeem(token, EmailToken.Purpose.VERIFY_EMAIL)
                .orElseThrow(() -> RequestRejected.invalid("The verification link is unknown, used or expired"));
        users.markEmailVerified(userId, clock.instant());
        users.findById(userId).ifPresent(invitations::forVerifiedAddress);
    }

    /**
     * Mails a reset link when the address has an account; answers the same either way, within the
     * client address's budget.
     *
     * @throws dev.latchkey.domain.error.AuthFailure {@code rate_limited} past the budget
     */
    public void requestReset(String emailInput, String clientAddress) {
        resetsPerAddress.spend(
                clientAddress == null ? "unknown" : clientAddress,
                "Too many requests from this address; try again later");
        EmailAddress email;
        try {
            email = EmailAddress.parse(emailInput);
        } catch (IllegalArgumentException e) {
            throw RequestRejected.invalid(e.getMessage());
        }
        Optional<User> user = users.findByEmail(email);
        if (user.isEmpty()) {
            return;
        }
        String token = emailTokens.issue(user.get(), EmailToken.Purpose.RESET_PASSWORD, RESET_LIFETIME);
        mailer.send(
                new OutgoingMail(
                        email,
                        "Reset your Latchkey password",
                        "To choose a new password, send this token with the new password to "
                                + links.resetPassword() + "/confirm\n\n    token: " + token
                                + "\n\n(valid for 30 minutes, once). "
                                + "Every session and token of the account then ends.\n\nIf you did not ask, ignore this mail.\n"));
    }

    /**
     * Follows a reset link: the new password replaces the old, every token of the account ends (here
     * at once, elsewhere within the revalidation bound), and the address counts as proven.
     *
     * @throws RequestRejected {@code invalid_request} for an unknown, used or expired link or a weak password
     */
    public void reset(String token, String newPassword) {
        if (newPassword == null) {
            throw RequestRejected.invalid("password is required");
        }
        String userId = emailTokens
                .redeem(token, EmailToken.Purpose.RESET_PASSWORD)
                .orElseThrow(() -> RequestRejected.invalid("The reset link is unknown, used or expired"));
        User user = users.findById(userId).orElseThrow(() -> RequestRejected.invalid("The reset link is unknown"));
        Passwords.requireAcceptable(newPassword, user.email());
        users.resetCredentials(userId, Optional.of(hasher.hash(newPassword)), User.tokensValidFrom(clock.instant()));
        events.publish(new CredentialEvent.ActorChanged(userId));
        users.findById(userId).ifPresent(invitations::forVerifiedAddress);
    }
}
