package dev.latchkey.domain.membership;

import dev.latchkey.domain.mail.EmailAddress;
import java.time.Instant;
import java.util.List;

/** Invitations by email to people who have no account yet. */
public interface InvitationStore {

    /** Stores an invitation; false when that email is already invited to that workspace. */
    boolean insert(Invitation invitation);

    List<Invitation> listPendingByEmail(EmailAddress email);

    List<Invitation> listPendingByWorkspace(String workspaceId);

    void markAccepted(String workspaceId, EmailAddress email, Instant at);
}
