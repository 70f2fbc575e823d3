package dev.latchkey.domain.testing;

import dev.latchkey.domain.mail.EmailAddress;
import dev.latchkey.domain.membership.Invitation;
import dev.latchkey.domain.membership.InvitationStore;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/** The in-memory twin of the JDBI store; passes the same contract test. */
public final class InMemoryInvitationStore implements InvitationStore {
    private final Map<String, Invitation> byKey = new ConcurrentHashMap<>();

    private static String key(String workspaceId, EmailAddress email) {
        return workspaceId + "\u0000" + email.value();
    }

    @Override
    public boolean insert(Invitation invitation) {
        return byKey.putIfAbsent(key(invitation.workspaceId(), invitation.email()), invitation) == null;
    }

    @Override
    public List<Invitation> listPendingByEmail(EmailAddress email) {
        return pending(i -> i.email().equals(email));
    }

    @Override
    public List<Invitation> listPendingByWorkspace(String workspaceId) {
        return pending(i -> i.workspaceId().equals(workspaceId));
    }

    private List<Invitation> pending(java.util.function.Predicate<Invitation> filter) {
        return byKey.values().stream()
                .filter(Invitation::isPending)
                .filter(filter)
                .sorted(Comparator.comparing(Invitation::createdAt)
                        .thenComparing(i -> i.email().value()))
                .collect(Collectors.toList());
    }

    @Override
    public synchronized void markAccepted(String workspaceId, EmailAddress email, Instant at) {
        Invitation i = byKey.get(key(workspaceId, email));
        if (i != null && i.isPending()) {
            byKey.put(
                    key(workspaceId, email),
                    new Invitation(
                            i.workspaceId(), i.email(), i.role(), i.invitedBy(), i.createdAt(), Optional.of(at)));
        }
    }
}
