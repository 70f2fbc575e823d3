package dev.latchkey.app;

import dev.latchkey.crypto.Rs256PrincipalAssertions;
import dev.latchkey.crypto.Rs256WorkloadTokenCodec;
import dev.latchkey.crypto.WorkloadSigningKeys;
import dev.latchkey.domain.approval.SensitiveActions;
import dev.latchkey.domain.common.GeneratedSecretHasher;
import dev.latchkey.domain.common.SecretHasher;
import dev.latchkey.domain.common.TimeOrderedIdGenerator;
import dev.latchkey.domain.grant.GrantAtTime;
import dev.latchkey.domain.grant.GrantScopes;
import dev.latchkey.domain.grant.ManageDelegationGrants;
import dev.latchkey.domain.route.PrincipalAssertions;
import dev.latchkey.domain.webhook.WebhookOutbox;
import dev.latchkey.domain.workload.ManageWorkloads;
import dev.latchkey.domain.workload.lifecycle.WorkloadLifecycle;
import dev.latchkey.domain.workloadtoken.HandOnWorkloadToken;
import dev.latchkey.domain.workloadtoken.IssueWorkloadToken;
import dev.latchkey.domain.workloadtoken.RememberedGrantTerms;
import dev.latchkey.domain.workloadtoken.WorkloadProof;
import dev.latchkey.domain.workloadtoken.WorkloadTokenCodec;
import dev.latchkey.domain.workloadtoken.WorkloadTokenVerifier;
import dev.latchkey.http.approval.ApprovalResource;
import dev.latchkey.http.grant.DelegationGrantResource;
import dev.latchkey.http.problem.Refusals;
import dev.latchkey.http.workload.WorkloadResource;
import dev.latchkey.http.workloadtoken.JwksResource;
import dev.latchkey.http.workloadtoken.WorkloadTokenServlet;
import dev.latchkey.persistence.JdbiStores;
import io.dropwizard.core.setup.Environment;
import java.time.Duration;
import java.util.List;

/**
 * Agents and other workloads: their registration and policies, the delegation grants people give
 * them, the short-lived tokens they exchange their secret for (and the keys that sign them), and
 * the approvals a sensitive action of theirs waits for.
 */
final class AgentsFeature {
    /** The {@code aud} of X-Latchkey-Principal assertions: the upstreams behind a proxy. */
    static final String PRINCIPAL_AUDIENCE = "latchkey-upstream";

    final ManageWorkloads manageWorkloads;
    final WorkloadLifecycle workloadLifecycle;
    final ManageDelegationGrants manageDelegationGrants;
    final WorkloadSigningKeys signingKeys;
    final WorkloadTokenCodec workloadTokenCodec;
    final WorkloadProof workloadProof;
    final IssueWorkloadToken issueWorkloadToken;
    final HandOnWorkloadToken handOnWorkloadToken;
    final WorkloadTokenVerifier workloadTokenVerifier;
    final PrincipalAssertions principalAssertions;
    final SensitiveActions sensitiveActions;
    final GrantScopes grantScopes;
    private final Foundations base;

    AgentsFeature(Foundations base, PeopleFeature people, WebhookOutbox webhooks) {
        this.base = base;
        JdbiStores stores = base.stores;
        // Workload secrets are Latchkey's own 261-bit randoms: SHA-256, not argon2id (GeneratedSecretHasher).
        SecretHasher workloadSecrets = new GeneratedSecretHasher(base.hasher);
        this.manageWorkloads = new ManageWorkloads(
                stores.workloads(),
                workloadSecrets,
                base.ids,
                base.random,
                base.clock,
                base.audit,
                base.events,
                people.externalTokens::isConfigured);
        this.workloadProof = new WorkloadProof(stores.workloads(), workloadSecrets, people.externalTokens, base.clock);
        this.workloadLifecycle = new WorkloadLifecycle(
                manageWorkloads,
                stores.workloads(),
                stores.delegationGrants(),
                stores.issuedWorkloadTokens(),
                stores.revokedTokens(),
                workloadSecrets,
                base.random,
                base.clock,
                base.audit,
                base.events);
        this.grantScopes =
                new GrantScopes(stores.memberships(), stores.workloads(), base.roleScopes, stores.workspaces());
        this.manageDelegationGrants = new ManageDelegationGrants(
                stores.delegationGrants(),
                stores.workloads(),
                grantScopes,
                base.ids,
                base.clock,
                base.audit,
                base.events,
                stores.revokedTokens(),
                new GrantAtTime(stores.auditLog(), stores.memberships(), base.roleScopes, stores.workloads()));
        var workloadTokens = base.configuration.getWorkloadTokens();
        this.signingKeys = new WorkloadSigningKeys(
                stores.signingKeys(),
                ConfiguredSecrets.keyEncryptionKey(workloadTokens),
                base.clock,
                workloadTokens.getActivationDelay().toJavaDuration(),
                longestSignedTokenLifetime(base).plusMinutes(1),
                Duration.ofMinutes(1));
        this.workloadTokenCodec = new Rs256WorkloadTokenCodec(
                signingKeys, workloadTokens.getIssuer(), workloadTokens.getAudience(), base.clock);
        this.principalAssertions = new Rs256PrincipalAssertions(
                signingKeys,
                workloadTokens.getIssuer(),
                PRINCIPAL_AUDIENCE,
                Duration.ofSeconds(60),
                base.clock,
                base.caches);
        // Token ids in creation order: each issued token's row appends to its index (as OAuth tokens' do).
        TimeOrderedIdGenerator tokenIds = new TimeOrderedIdGenerator(base.random, base.clock);
        // A grant's terms remembered as long as a verified workload token's are, forgotten by the same events.
        RememberedGrantTerms grantTerms = new RememberedGrantTerms(
                base.caches,
                base.configuration.getUserTokens().getRevalidateAfter().toJavaDuration());
        base.heard.subscribe(grantTerms::forget);
        this.issueWorkloadToken = new IssueWorkloadToken(
                workloadProof,
                stores.delegationGrants(),
                grantScopes,
                workloadTokenCodec,
                stores.issuedWorkloadTokens(),
                tokenIds,
                base.clock,
                grantTerms);
        this.workloadTokenVerifier = new WorkloadTokenVerifier(
                workloadTokenCodec,
                stores.delegationGrants(),
                grantScopes,
                stores.revokedTokens(),
                people.tokenVerifications,
                base.clock);
        this.handOnWorkloadToken = new HandOnWorkloadToken(
                workloadProof,
                workloadTokenVerifier,
                workloadTokenCodec,
                grantScopes,
                stores.issuedWorkloadTokens(),
                tokenIds,
                base.clock,
                workloadTokens.getMaxDelegationDepth());
        this.sensitiveActions = new SensitiveActions(
                stores.approvals(),
                stores.delegationGrants(),
                base.ids,
                base.clock,
                base.audit,
                base.configuration.getApprovals().requiredFor(),
                webhooks);
    }

    /**
     * A retired key stays published until every token it signed has expired: workload tokens and,
     * when a resource asked for them, the OAuth server's JWT access tokens.
     */
    private static Duration longestSignedTokenLifetime(Foundations base) {
        Duration jwtAccessTokens =
                base.configuration.getOauth().toAccessTokenFormats().longestJwtLifetime();
        return jwtAccessTokens.compareTo(IssueWorkloadToken.LIFETIME) > 0
                ? jwtAccessTokens
                : IssueWorkloadToken.LIFETIME;
    }

    /** @param refusals renders a refusal at the endpoints served outside JAX-RS, as the mappers do */
    void register(Environment environment, Refusals refusals) {
        var jersey = environment.jersey();
        jersey.register(new WorkloadResource(manageWorkloads, workloadLifecycle));
        jersey.register(new DelegationGrantResource(manageDelegationGrants, base.clock));
        environment
                .servlets()
                .addServlet(
                        "workload-token",
                        new WorkloadTokenServlet(issueWorkloadToken, environment.getObjectMapper(), refusals))
                .addMapping(WorkloadTokenServlet.PATH);
        jersey.register(new JwksResource(workloadTokenCodec));
        jersey.register(new ApprovalResource(sensitiveActions));
        Housekeeping.every(
                Duration.ofMinutes(10),
                "expired workload token records",
                List.of(() -> base.stores
                        .issuedWorkloadTokens()
                        .deleteExpiredBefore(base.clock.instant().minus(Duration.ofHours(1)))),
                environment.lifecycle(),
                "workload-token-housekeeping");
    }
}
