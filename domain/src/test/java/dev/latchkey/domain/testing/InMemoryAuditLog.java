package dev.latchkey.domain.testing;

import dev.latchkey.domain.audit.AuditEvent;
import dev.latchkey.domain.audit.AuditLog;
import dev.latchkey.domain.audit.AuditPage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The in-memory twin of the JDBI audit log; the cursor is the position in append order. */
public final class InMemoryAuditLog implements AuditLog {
    private final List<AuditEvent> events = new ArrayList<>();

    @Override
    public synchronized void append(AuditEvent event) {
        events.add(event);
    }

    @Override
    public synchronized AuditPage page(String workspaceId, Optional<String> before, int limit) {
        int start = before.map(InMemoryAuditLog::parseCursor).orElse(events.size());
        List<AuditEvent> found = new ArrayList<>();
        int position = start - 1;
        for (; position >= 0 && found.size() < limit; position--) {
            if (events.get(position).workspaceId().equals(workspaceId)) {
                found.add(events.get(position));
            }
        }
        boolean more = false;
        for (int p = position; p >= 0; p--) {
            if (events.get(p).workspaceId().equals(workspaceId)) {
                more = true;
                break;
            }
        }
        return new AuditPage(found, more ? Optional.of(Integer.toString(position + 1)) : Optional.empty());
    }

    private static int parseCursor(String cursor) {
        try {
            return Integer.parseInt(cursor);
        } catch (NumberFormatException e) {
            throw dev.latchkey.domain.error.RequestRejected.invalid("invalid cursor");
        }
    }
}
