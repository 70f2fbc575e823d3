package dev.latchkey.domain.audit;

import java.util.List;
import java.util.Optional;

/** Audit events newest first, and the cursor for the next (older) page when there is one. */
public record AuditPage(List<AuditEvent> events, Optional<String> nextCursor) {

    public AuditPage {
        events = List.copyOf(events);
    }
}
