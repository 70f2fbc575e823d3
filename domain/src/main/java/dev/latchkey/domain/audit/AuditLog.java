package dev.latchkey.domain.audit;

import java.util.Optional;

/** The append-only audit trail. There is no update and no delete. */
public interface AuditLog {

    void append(AuditEvent event);

    /**
     * A page of the workspace's events, newest first.
     *
     * @param before an opaque cursor from a previous page, or empty for the newest events
     * @param limit the most events to return (1..200)
     */
    AuditPage page(String workspaceId, Optional<String> before, int limit);
}
