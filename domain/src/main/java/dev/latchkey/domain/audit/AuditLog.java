package dev.latchkey.domain.audit;

import java.util.List;
import java.util.Optional;

/**
 * The append-only audit trail. There is no update and no delete, and each workspace's events are a
 * hash chain ({@link AuditChain}) so that an edit or a deletion made behind the store's back is found.
 */
public interface AuditLog {

    /**
     * Appends the event after the workspace's newest, linked to its hash; concurrent appends to one
     * workspace still form one line (a second event after the same predecessor is refused and retried).
     */
    void append(AuditEvent event);

    /** The workspace's events oldest first, after {@code afterPosition} (0: from the start), with their links. */
    List<ChainedAuditEvent> inAppendOrder(String workspaceId, long afterPosition, int limit);

    /** Every workspace that has audit events. */
    List<String> workspaces();

    /**
     * A page of the workspace's events, newest first.
     *
     * @param before an opaque cursor from a previous page, or empty for the newest events
     * @param limit the most events to return (1..200)
     */
    AuditPage page(String workspaceId, Optional<String> before, int limit);
}
