package dev.latchkey.domain.membership;

import dev.latchkey.domain.user.User;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Turns the pending invitations of an address into memberships, once the address is proven: an
 * invitation goes to whoever reads mail there, not to whoever registered it first.
 */
public final class AcceptInvitations {
    private final InvitationStore invitations;
    private final MembershipStore memberships;
    private final Clock clock;

    public AcceptInvitations(InvitationStore invitations, MembershipStore memberships, Clock clock) {
        this.invitations = invitations;
        this.memberships = memberships;
        this.clock = clock;
    }

    public void forVerifiedAddress(User user) {
        if (!user.isEmailVerified()) {
            return;
        }
        Instant now = clock.instant();
        for (Invitation invitation : invitations.listPendingByEmail(user.email())) {
            memberships.insert(
                    new Membership(invitation.workspaceId(), user.id(), invitation.role(), now, Optional.empty()));
            invitations.markAccepted(invitation.workspaceId(), user.email(), now);
        }
    }
}
