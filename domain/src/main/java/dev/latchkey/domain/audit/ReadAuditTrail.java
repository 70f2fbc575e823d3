package dev.latchkey.domain.audit;

import dev.latchkey.domain.error.RequestRejected;
import java.util.Optional;

/** Pages through a workspace's audit trail, newest first. */
public final class ReadAuditTrail {
    public static final int MAX_PAGE_SIZE = 200;

    private final AuditLog log;

    public ReadAuditTrail(AuditLog log) {
        this.log = log;
    }

    public AuditPage execute(String workspaceId, Optional<String> before, int limit) {
        if (limit < 1 || limit > MAX_PAGE_SIZE) {
            throw RequestRejected.invalid("limit must be between 1 and " + MAX_PAGE_SIZE);
        }
        return log.page(workspaceId, before, limit);
    }
}
