package dev.latchkey.domain.contract;

import dev.latchkey.domain.apikey.ApiKeyStore;
import dev.latchkey.domain.audit.AuditLog;
import dev.latchkey.domain.testing.InMemoryApiKeyStore;
import dev.latchkey.domain.testing.InMemoryAuditLog;
import dev.latchkey.domain.testing.InMemoryWorkspaceStore;
import dev.latchkey.domain.testing.contract.ApiKeyStoreContract;
import dev.latchkey.domain.testing.contract.AuditLogContract;
import dev.latchkey.domain.testing.contract.WorkspaceStoreContract;
import dev.latchkey.domain.workspace.WorkspaceStore;
import org.junit.jupiter.api.Nested;

/** The in-memory twins pass the same contracts as the JDBI stores. */
class InMemoryStoresContractTest {

    @Nested
    class ApiKeys extends ApiKeyStoreContract {
        private final InMemoryWorkspaceStore workspaces = new InMemoryWorkspaceStore();

        @Override
        protected ApiKeyStore apiKeyStore() {
            return new InMemoryApiKeyStore();
        }

        @Override
        protected WorkspaceStore workspaceStore() {
            return workspaces;
        }
    }

    @Nested
    class Workspaces extends WorkspaceStoreContract {
        @Override
        protected WorkspaceStore workspaceStore() {
            return new InMemoryWorkspaceStore();
        }
    }

    @Nested
    class Audit extends AuditLogContract {
        private final InMemoryWorkspaceStore workspaces = new InMemoryWorkspaceStore();

        @Override
        protected AuditLog auditLog() {
            return new InMemoryAuditLog();
        }

        @Override
        protected WorkspaceStore workspaceStore() {
            return workspaces;
        }
    }
}
