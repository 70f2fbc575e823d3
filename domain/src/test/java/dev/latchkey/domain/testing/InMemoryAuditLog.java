package dev.latchkey.domain.testing;

import dev.latchkey.domain.audit.AuditChain;
import dev.latchkey.domain.audit.AuditEvent;
import dev.latchkey.domain.audit.AuditLog;
import dev.latchkey.domain.audit.AuditPage;
import dev.latchkey.domain.audit.ChainedAuditEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The in-memory twin of the JDBI audit log; the cursor is the position in append order. */
public final class InMemoryAuditLog implements AuditLog {
    private final List<AuditEvent> events = new ArrayList<>();
    private final List<ChainedAuditEvent> chained = new ArrayList<>();
    private final Map<String, String> heads = new HashMap<>();

    @Override
    public synchronized void append(AuditEvent event) {
        AuditEvent stored = new AuditEvent(
                event.id(),
                event.workspaceId(),
                AuditChain.storedTime(event.occurredAt()),
                event.actorId(),
                event.credentialId(),
                event.action(),
                event.targetId(),
                event.sourceAddress(),
                event.details());
        String previous = heads.getOrDefault(stored.workspaceId(), AuditChain.GENESIS);
        String hash = AuditChain.link(previous, stored);
        heads.put(stored.workspaceId(), hash);
        events.add(stored);
        chained.add(new ChainedAuditEvent(events.size(), stored, Optional.of(previous), Optional.of(hash)));
    }

    @Override
    public synchronized List<ChainedAuditEvent> inAppendOrder(String workspaceId, long afterPosition, int limit) {
        return chained.stream()
                .filter(c ->
                        c.position() > afterPosition && c.event().workspaceId().equals(workspaceId))
                .limit(limit)
                .toList();
    }

    @Override
    public synchronized List<String> workspaces() {
        return events.stream().map(AuditEvent::workspaceId).distinct().sorted().toList();
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
