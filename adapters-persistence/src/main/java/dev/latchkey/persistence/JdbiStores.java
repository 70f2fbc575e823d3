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
import dev.latchkey.domain.oauth.handoff.PendingAuthorizationStore;
import dev.latchkey.domain.token.RevokedTokenStore;
import dev.latchkey.domain.user.EmailTokenStore;
import dev.latchkey.domain.user.UserStore;
import dev.latchkey.domain.webhook.WebhookStore;
import dev.latchkey.domain.workload.WorkloadStore;
import dev.latchkey.domain.workloadtoken.IssuedWorkloadTokenStore;
import dev.latchkey.domain.workloadtoken.SigningKeyStore;
import dev.latchkey.domain.workspace.WorkspaceStore;
import org.jdbi.v3.core.Jdbi;

/** The persistence adapter's front door: every store port, backed by one {@link Jdbi}. */
public final class JdbiStores {
    private final ApiKeyStore apiKeys;
    private final WorkspaceStore workspaces;
    private final AuditLog auditLog;
    private final UserStore users;
    private final MembershipStore memberships;
    private final RevokedTokenStore revokedTokens;
    private final InvitationStore invitations;
    private final ExternalIdentityStore externalIdentities;
    private final ActorMappingStore actorMappings;
    private final WorkloadStore workloads;
    private final DelegationGrantStore delegationGrants;
    private final SigningKeyStore signingKeys;
    private final ApprovalStore approvals;
    private final OAuthClientStore oauthClients;
    private final AuthorizationCodeStore authorizationCodes;
    private final OAuthTokenStore oauthTokens;
    private final EmailTokenStore emailTokens;
    private final PendingAuthorizationStore pendingAuthorizations;
    private final IssuedWorkloadTokenStore issuedWorkloadTokens;
    private final WebhookStore webhooks;

    public JdbiStores(Jdbi jdbi) {
        this.apiKeys = new JdbiApiKeyStore(jdbi);
        this.workspaces = new JdbiWorkspaceStore(jdbi);
        this.auditLog = new JdbiAuditLog(jdbi);
        this.users = new JdbiUserStore(jdbi);
        this.memberships = new JdbiMembershipStore(jdbi);
        this.revokedTokens = new JdbiRevokedTokenStore(jdbi);
        this.invitations = new JdbiInvitationStore(jdbi);
        this.externalIdentities = new JdbiExternalIdentityStore(jdbi);
        this.actorMappings = new JdbiActorMappingStore(jdbi);
        this.workloads = new JdbiWorkloadStore(jdbi);
        this.delegationGrants = new JdbiDelegationGrantStore(jdbi);
        this.signingKeys = new JdbiSigningKeyStore(jdbi);
        this.approvals = new JdbiApprovalStore(jdbi);
        this.oauthClients = new JdbiOAuthClientStore(jdbi);
        this.authorizationCodes = new JdbiAuthorizationCodeStore(jdbi);
        this.oauthTokens = new JdbiOAuthTokenStore(jdbi);
        this.emailTokens = new JdbiEmailTokenStore(jdbi);
        this.pendingAuthorizations = new JdbiPendingAuthorizationStore(jdbi);
        this.issuedWorkloadTokens = new JdbiIssuedWorkloadTokenStore(jdbi);
        this.webhooks = new JdbiWebhookStore(jdbi);
    }

    public PendingAuthorizationStore pendingAuthorizations() {
        return pendingAuthorizations;
    }

    public EmailTokenStore emailTokens() {
        return emailTokens;
    }

    public OAuthClientStore oauthClients() {
        return oauthClients;
    }

    public AuthorizationCodeStore authorizationCodes() {
        return authorizationCodes;
    }

    public OAuthTokenStore oauthTokens() {
        return oauthTokens;
    }

    public ApprovalStore approvals() {
        return approvals;
    }

    public IssuedWorkloadTokenStore issuedWorkloadTokens() {
        return issuedWorkloadTokens;
    }

    public WebhookStore webhooks() {
        return webhooks;
    }

    public SigningKeyStore signingKeys() {
        return signingKeys;
    }

    public WorkloadStore workloads() {
        return workloads;
    }

    public DelegationGrantStore delegationGrants() {
        return delegationGrants;
    }

    public ActorMappingStore actorMappings() {
        return actorMappings;
    }

    public ExternalIdentityStore externalIdentities() {
        return externalIdentities;
    }

    public InvitationStore invitations() {
        return invitations;
    }

    public UserStore users() {
        return users;
    }

    public MembershipStore memberships() {
        return memberships;
    }

    public RevokedTokenStore revokedTokens() {
        return revokedTokens;
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
