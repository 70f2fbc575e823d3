package dev.latchkey.persistence;

import dev.latchkey.domain.actor.mapping.ActorMappingStore;
import dev.latchkey.domain.apikey.ApiKeyStore;
import dev.latchkey.domain.approval.ApprovalStore;
import dev.latchkey.domain.audit.AuditLog;
import dev.latchkey.domain.external.ExternalIdentityStore;
import dev.latchkey.domain.grant.DelegationGrantStore;
import dev.latchkey.domain.membership.InvitationStore;
import dev.latchkey.domain.membership.MembershipStore;
import dev.latchkey.domain.oauth.AuthorizationCodeStore;
import dev.latchkey.domain.oauth.OAuthClientStore;
import dev.latchkey.domain.oauth.OAuthTokenStore;
import dev.latchkey.domain.testing.contract.ActorMappingStoreContract;
import dev.latchkey.domain.testing.contract.AgentStoresContract;
import dev.latchkey.domain.testing.contract.ApiKeyStoreContract;
import dev.latchkey.domain.testing.contract.ApprovalStoreContract;
import dev.latchkey.domain.testing.contract.AuditLogContract;
import dev.latchkey.domain.testing.contract.OAuthStoresContract;
import dev.latchkey.domain.testing.contract.PeopleStoresContract;
import dev.latchkey.domain.testing.contract.SigningKeyStoreContract;
import dev.latchkey.domain.testing.contract.WorkspaceStoreContract;
import dev.latchkey.domain.token.RevokedTokenStore;
import dev.latchkey.domain.user.UserStore;
import dev.latchkey.domain.workload.WorkloadStore;
import dev.latchkey.domain.workloadtoken.IssuedWorkloadTokenStore;
import dev.latchkey.domain.workloadtoken.SigningKeyStore;
import dev.latchkey.domain.workspace.WorkspaceStore;
import dev.latchkey.persistence.testing.TestDatabases;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Nested;

/** Every store contract, run against the JDBI stores on H2 and on real PostgreSQL. */
class StoreContractTests {

    private static JdbiStores h2;
    private static JdbiStores postgres;

    /** One migrated database per engine for the whole class; the contracts use fresh ids per test. */
    private static synchronized JdbiStores h2() {
        if (h2 == null) {
            h2 = new JdbiStores(Jdbi.create(TestDatabases.h2().dataSource()));
        }
        return h2;
    }

    private static synchronized JdbiStores postgres() {
        if (postgres == null) {
            postgres = new JdbiStores(Jdbi.create(TestDatabases.postgres().dataSource()));
        }
        return postgres;
    }

    /** Every contract against one engine's stores; each engine below supplies them. */
    abstract class EverySuite {
        abstract JdbiStores stores();

        @Nested
        class ApiKeys extends ApiKeyStoreContract {
            @Override
            protected ApiKeyStore apiKeyStore() {
                return stores().apiKeys();
            }

            @Override
            protected WorkspaceStore workspaceStore() {
                return stores().workspaces();
            }
        }

        @Nested
        class Workspaces extends WorkspaceStoreContract {
            @Override
            protected WorkspaceStore workspaceStore() {
                return stores().workspaces();
            }
        }

        @Nested
        class People extends PeopleStoresContract {
            @Override
            protected UserStore userStore() {
                return stores().users();
            }

            @Override
            protected MembershipStore membershipStore() {
                return stores().memberships();
            }

            @Override
            protected RevokedTokenStore revokedTokenStore() {
                return stores().revokedTokens();
            }

            @Override
            protected InvitationStore invitationStore() {
                return stores().invitations();
            }

            @Override
            protected ExternalIdentityStore externalIdentityStore() {
                return stores().externalIdentities();
            }

            @Override
            protected dev.latchkey.domain.user.EmailTokenStore emailTokenStore() {
                return stores().emailTokens();
            }

            @Override
            protected WorkspaceStore workspaceStore() {
                return stores().workspaces();
            }
        }

        @Nested
        class ActorMappings extends ActorMappingStoreContract {
            @Override
            protected ActorMappingStore actorMappingStore() {
                return stores().actorMappings();
            }

            @Override
            protected WorkspaceStore workspaceStore() {
                return stores().workspaces();
            }
        }

        @Nested
        class Agents extends AgentStoresContract {
            @Override
            protected WorkloadStore workloadStore() {
                return stores().workloads();
            }

            @Override
            protected DelegationGrantStore delegationGrantStore() {
                return stores().delegationGrants();
            }

            @Override
            protected IssuedWorkloadTokenStore issuedWorkloadTokenStore() {
                return stores().issuedWorkloadTokens();
            }

            @Override
            protected WorkspaceStore workspaceStore() {
                return stores().workspaces();
            }
        }

        @Nested
        class SigningKeys extends SigningKeyStoreContract {
            @Override
            protected SigningKeyStore signingKeyStore() {
                return stores().signingKeys();
            }
        }

        @Nested
        class OAuth extends OAuthStoresContract {
            @Override
            protected OAuthClientStore clientStore() {
                return stores().oauthClients();
            }

            @Override
            protected AuthorizationCodeStore codeStore() {
                return stores().authorizationCodes();
            }

            @Override
            protected OAuthTokenStore tokenStore() {
                return stores().oauthTokens();
            }

            @Override
            protected dev.latchkey.domain.oauth.handoff.PendingAuthorizationStore pendingStore() {
                return stores().pendingAuthorizations();
            }
        }

        @Nested
        class Webhooks extends dev.latchkey.domain.testing.contract.WebhookStoreContract {
            @Override
            protected dev.latchkey.domain.webhook.WebhookStore webhookStore() {
                return stores().webhooks();
            }
        }

        @Nested
        class Approvals extends ApprovalStoreContract {
            @Override
            protected ApprovalStore approvalStore() {
                return stores().approvals();
            }
        }

        @Nested
        class Audit extends AuditLogContract {
            @Override
            protected AuditLog auditLog() {
                return stores().auditLog();
            }

            @Override
            protected WorkspaceStore workspaceStore() {
                return stores().workspaces();
            }
        }
    }

    @Nested
    class OnH2 extends EverySuite {
        @Override
        JdbiStores stores() {
            return h2();
        }
    }

    @Nested
    class OnPostgres extends EverySuite {
        @Override
        JdbiStores stores() {
            return postgres();
        }
    }
}
