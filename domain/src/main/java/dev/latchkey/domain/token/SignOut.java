package dev.latchkey.domain.token;

import dev.latchkey.domain.auth.CredentialKind;
import dev.latchkey.domain.auth.Principal;
import dev.latchkey.domain.auth.events.CredentialEvent;
import dev.latchkey.domain.auth.events.CredentialEvents;
import dev.latchkey.domain.error.RequestRejected;
import dev.latchkey.domain.user.UserStore;
import java.time.Clock;
import java.time.Instant;

/**
 * {@code POST /auth/logout}: the presented token's {@code jti} is denied until it would have
 * expired. {@code POST /auth/logout-everywhere}: every token of the user issued until now dies.
 * Both take effect at once in this process, and elsewhere within the verifier's revalidation bound.
 */
public final class SignOut {
    private final RevokedTokenStore revoked;
    private final UserStore users;
    private final CredentialEvents events;
    private final Clock clock;

    public SignOut(RevokedTokenStore revoked, UserStore users, CredentialEvents events, Clock clock) {
        this.revoked = revoked;
        this.users = users;
        this.events = events;
        this.clock = clock;
    }

    public void thisToken(Principal principal) {
        requireUserToken(principal);
        Instant expiresAt =
                principal.credentialExpiresAt().orElse(clock.instant().plus(java.time.Duration.ofDays(366)));
        revoked.revoke(principal.credentialId(), principal.actor().id(), expiresAt);
        events.publish(new CredentialEvent.CredentialChanged(principal.credentialId()));
    }

    public void everywhere(Principal principal) {
        requireUserToken(principal);
        // Token times are whole seconds: everything issued up to this second is dead, and tokens
        // issued from now on are dated no earlier than the next one (see IssueUserToken).
        Instant validAfter = dev.latchkey.domain.user.User.tokensValidFrom(clock.instant());
        users.setTokensValidAfter(principal.actor().id(), validAfter);
        String userId = principal.actor().id();
        // User and OAuth tokens of this person, at once in this instance (their next request re-reads
        // the person's sign-out time); refresh tokens are refused by RefreshTokenGrant.
        events.publish(new CredentialEvent.SignedOutEverywhere(userId));
    }

    private static void requireUserToken(Principal principal) {
        if (principal.credentialKind() != CredentialKind.USER_JWT) {
            throw RequestRejected.invalid(
                    "Only user access tokens sign out; revoke API keys with DELETE /api-keys/{id}");
        }
    }
}
