package dev.latchkey.domain.contract;

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
import dev.latchkey.domain.testing.InMemoryActorMappingStore;
import dev.latchkey.domain.testing.InMemoryApiKeyStore;
import dev.latchkey.domain.testing.InMemoryApprovalStore;
import dev.latchkey.domain.testing.InMemoryAuditLog;
import dev.latchkey.domain.testing.InMemoryAuthorizationCodeStore;
import dev.latchkey.domain.testing.InMemoryDelegationGrantStore;
import dev.latchkey.domain.testing.InMemoryExternalIdentityStore;
import dev.latchkey.domain.testing.InMemoryInvitationStore;
import dev.latchkey.domain.testing.InMemoryIssuedWorkloadTokenStore;
import dev.latchkey.domain.testing.InMemoryMembershipStore;
import dev.latchkey.domain.testing.InMemoryOAuthClientStore;
import dev.latchkey.domain.testing.InMemoryOAuthTokenStore;
import dev.latchkey.domain.testing.InMemoryRevokedTokenStore;
import dev.latchkey.domain.testing.InMemorySigningKeyStore;
import dev.latchkey.domain.testing.InMemoryUserStore;
import dev.latchkey.domain.testing.InMemoryWebhookStore;
import dev.latchkey.domain.testing.InMemoryWorkloadStore;
import dev.latchkey.domain.testing.InMemoryWorkspaceStore;
import dev.latchkey.domain.testing.contract.ActorMappingStoreContract;
import dev.latchkey.domain.testing.contract.AgentStoresContract;
import dev.latchkey.domain.testing.contract.ApiKeyStoreContract;
import dev.latchkey.domain.testing.contract.ApprovalStoreContract;
import dev.latchkey.domain.testing.contract.AuditLogContract;
import dev.latchkey.domain.testing.contract.OAuthStoresContract;
import dev.latchkey.domain.testing.contract.PeopleStoresContract;
import dev.latchkey.domain.testing.contract.SigningKeyStoreContract;
import dev.latchkey.domain.testing.contract.UsageCountersContract;
import dev.latchkey.domain.testing.contract.WorkspaceStoreContract;
import dev.latchkey.domain.token.RevokedTokenStore;
import dev.latchkey.domain.usage.InMemoryUsageCounters;
import dev.latchkey.domain.usage.UsageCounters;
import dev.latchkey.domain.user.UserStore;
import dev.latchkey.domain.workload.WorkloadStore;
import dev.latchkey.domain.workloadtoken.IssuedWorkloadTokenStore;
import dev.latchkey.domain.workloadtoken.SigningKeyStore;
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
    class People extends PeopleStoresContract {
        private final InMemoryWorkspaceStore workspaces = new InMemoryWorkspaceStore();
        private final InMemoryUserStore users = new InMemoryUserStore();
        private final InMemoryMembershipStore memberships = new InMemoryMembershipStore();
        private final InMemoryRevokedTokenStore revoked = new InMemoryRevokedTokenStore();
        private final InMemoryInvitationStore invitations = new InMemoryInvitationStore();
        private final InMemoryExternalIdentityStore identities = new InMemoryExternalIdentityStore();
        private final dev.latchkey.domain.testing.InMemoryEmailTokenStore emailTokens =
                new dev.latchkey.domain.testing.InMemoryEmailTokenStore();

        @Override
        protected ExternalIdentityStore externalIdentityStore() {
            return identities;
        }

        @Override
        protected dev.latchkey.domain.user.EmailTokenStore emailTokenStore() {
            return emailTokens;
        }

        @Override
        protected InvitationStore invitationStore() {
            return invitations;
        }

        @Override
        protected UserStore userStore() {
            return users;
        }

        @Override
        protected MembershipStore membershipStore() {
            return memberships;
        }

        @Override
        protected RevokedTokenStore revokedTokenStore() {
            return revoked;
        }

        @Override
        protected WorkspaceStore workspaceStore() {
            return workspaces;
        }
    }

    @Nested
    class ActorMappings extends ActorMappingStoreContract {
        private final InMemoryWorkspaceStore workspaces = new InMemoryWorkspaceStore();

        @Override
        protected ActorMappingStore actorMappingStore() {
            return new InMemoryActorMappingStore();
        }

        @Override
        protected WorkspaceStore workspaceStore() {
            return workspaces;
        }
    }

    @Nested
    class Agents extends AgentStoresContract {
        private final InMemoryWorkspaceStore workspaces = new InMemoryWorkspaceStore();

        @Override
        protected WorkloadStore workloadStore() {
            return new InMemoryWorkloadStore();
        }

        @Override
        protected DelegationGrantStore delegationGrantStore() {
            return new InMemoryDelegationGrantStore();
        }

        @Override
        protected WorkspaceStore workspaceStore() {
            return workspaces;
        }

        @Override
        protected IssuedWorkloadTokenStore issuedWorkloadTokenStore() {
            return new InMemoryIssuedWorkloadTokenStore();
        }
    }

    @Nested
    class SigningKeys extends SigningKeyStoreContract {
        @Override
        protected SigningKeyStore signingKeyStore() {
            return new InMemorySigningKeyStore();
        }
    }

    @Nested
    class Webhooks extends dev.latchkey.domain.testing.contract.WebhookStoreContract {
        @Override
        protected dev.latchkey.domain.webhook.WebhookStore webhookStore() {
            return new InMemoryWebhookStore();
        }
    }

    @Nested
    class Approvals extends ApprovalStoreContract {
        @Override
        protected ApprovalStore approvalStore() {
            return new InMemoryApprovalStore();
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

    @Nested
    class OAuth extends OAuthStoresContract {
        @Override
        protected OAuthClientStore clientStore() {
            return new InMemoryOAuthClientStore();
        }

        @Override
        protected AuthorizationCodeStore codeStore() {
            return new InMemoryAuthorizationCodeStore();
        }

        @Override
        protected OAuthTokenStore tokenStore() {
            return new InMemoryOAuthTokenStore();
        }

        @Override
        protected dev.latchkey.domain.oauth.handoff.PendingAuthorizationStore pendingStore() {
            return new dev.latchkey.domain.testing.InMemoryPendingAuthorizationStore();
        }
    }

    @Nested
    class Usage extends UsageCountersContract {
        @Override
        protected UsageCounters counters() {
            return new InMemoryUsageCounters();
        }
    }
}
