package dev.latchkey.domain.membership;

import dev.latchkey.domain.mail.EmailAddress;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** An invitation of an email address without an account yet; it becomes a membership when they register. */
public record Invitation(
        String workspaceId,
        EmailAddress email,
        Role role,
        String invitedBy,
        Instant createdAt,
        Optional<Instant> acceptedAt) {

    public Invitation {
        Objects.requireNonNull(workspaceId, "workspaceId");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(invitedBy, "invitedBy");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(acceptedAt, "acceptedAt");
    }

    public boolean isPending() {
        return acceptedAt.isEmpty();
    }
}
