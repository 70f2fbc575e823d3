package dev.latchkey.persistence;

import dev.latchkey.domain.apikey.ApiKeyStore;
import dev.latchkey.domain.audit.AuditLog;
import dev.latchkey.domain.workspace.WorkspaceStore;
import org.jdbi.v3.core.Jdbi;

/** The persistence adapter's front door: every store port, backed by one {@link Jdbi}. */
public final class JdbiStores {
    private final ApiKeyStore apiKeys;
    private final WorkspaceStore workspaces;
    private final AuditLog auditLog;

    public JdbiStores(Jdbi jdbi) {
        this.apiKeys = new JdbiApiKeyStore(jdbi);
        this.workspaces = new JdbiWorkspaceStore(jdbi);
        this.auditLog = new JdbiAuditLog(jdbi);
    }

    public ApiKeyStore apiKeys() {
        return apiKeys;
    }

    public WorkspaceStore workspaces() {
        return workspaces;
    }

    public AuditLog auditLog() {
        return auditLog;
    }
}
