package dev.latchkey.app;

import dev.latchkey.app.config.ApiKeysConfiguration;
import dev.latchkey.app.config.LatchkeyConfiguration;
import dev.latchkey.app.config.OAuthConfiguration;
import dev.latchkey.app.config.UserTokensConfiguration;
import dev.latchkey.cache.CaffeineCaches;
import dev.latchkey.crypto.Rs256PrincipalAssertions;
import dev.latchkey.crypto.Rs256WorkloadTokenCodec;
import dev.latchkey.crypto.WorkloadSigningKeys;
import dev.latchkey.domain.account.AddressProofs;
import dev.latchkey.domain.account.EmailTokens;
import dev.latchkey.domain.account.LogIn;
import dev.latchkey.domain.account.RegisterUser;
import dev.latchkey.domain.actor.mapping.ManageActorMappings;
import dev.latchkey.domain.apikey.ApiKeyVerifier;
import dev.latchkey.domain.apikey.IssueApiKey;
import dev.latchkey.domain.apikey.LastUsedRecorder;
import dev.latchkey.domain.apikey.ListApiKeys;
import dev.latchkey.domain.apikey.RevokeApiKey;
import dev.latchkey.domain.apikey.RollApiKey;
import dev.latchkey.domain.approval.SensitiveActions;
import dev.latchkey.domain.audit.AuditTrail;
import dev.latchkey.domain.audit.Initiator;
import dev.latchkey.domain.audit.ReadAuditTrail;
import dev.latchkey.domain.auth.AuthenticateRequest;
import dev.latchkey.domain.auth.AuthenticationListener;
import dev.latchkey.domain.auth.CachedTokenVerification;
import dev.latchkey.domain.auth.CredentialVerifier;
import dev.latchkey.domain.auth.FailedAttemptLimiter;
import dev.latchkey.domain.auth.VerificationCache;
import dev.latchkey.domain.auth.events.CredentialEvent;
import dev.latchkey.domain.auth.events.CredentialEvents;
import dev.latchkey.domain.auth.events.ForgetStaleVerifications;
import dev.latchkey.domain.auth.events.InProcessCredentialEvents;
import dev.latchkey.domain.common.Caches;
import dev.latchkey.domain.common.GeneratedSecretHasher;
import dev.latchkey.domain.common.IdGenerator;
import dev.latchkey.domain.common.RandomIdGenerator;
import dev.latchkey.domain.common.SecretHasher;
import dev.latchkey.domain.error.AuthError;
import dev.latchkey.domain.external.ExternalJwtVerifier;
import dev.latchkey.domain.external.ExternalTokenVerifier;
import dev.latchkey.domain.external.ExternalUsers;
import dev.latchkey.domain.external.SignInWithExternalIdentity;
import dev.latchkey.domain.grant.GrantScopes;
import dev.latchkey.domain.grant.ManageDelegationGrants;
import dev.latchkey.domain.membership.AcceptInvitations;
import dev.latchkey.domain.membership.ManageMembers;
import dev.latchkey.domain.membership.RoleScopes;
import dev.latchkey.domain.membership.UserPrincipals;
import dev.latchkey.domain.oauth.AuthenticateClient;
import dev.latchkey.domain.oauth.AuthorizationCodeGrant;
import dev.latchkey.domain.oauth.ClientMetadataDocuments;
import dev.latchkey.domain.oauth.ExpireOAuthRecords;
import dev.latchkey.domain.oauth.GrantConsent;
import dev.latchkey.domain.oauth.IssueOAuthTokens;
import dev.latchkey.domain.oauth.ManageOAuthConnections;
import dev.latchkey.domain.oauth.OAuthClients;
import dev.latchkey.domain.oauth.OAuthRevocations;
import dev.latchkey.domain.oauth.OAuthSettings;
import dev.latchkey.domain.oauth.OAuthTokenIssuer;
import dev.latchkey.domain.oauth.OAuthTokenVerifier;
import dev.latchkey.domain.oauth.ProtectedResources;
import dev.latchkey.domain.oauth.RefreshTokenGrant;
import dev.latchkey.domain.oauth.RegisterClient;
import dev.latchkey.domain.oauth.RevokeOAuthToken;
import dev.latchkey.domain.oauth.ValidateAuthorizationRequest;
import dev.latchkey.domain.provider.IdentityProvider;
import dev.latchkey.domain.provider.MappedActors;
import dev.latchkey.domain.provider.ProviderAccessTokenVerifier;
import dev.latchkey.domain.provider.ProviderApiKeyVerifier;
import dev.latchkey.domain.route.PrincipalAssertions;
import dev.latchkey.domain.token.IssueUserToken;
import dev.latchkey.domain.token.SignInSessions;
import dev.latchkey.domain.token.SignOut;
import dev.latchkey.domain.token.UserTokenCodec;
import dev.latchkey.domain.token.UserTokenVerifier;
import dev.latchkey.domain.usage.UsageCounters;
import dev.latchkey.domain.usage.UsageGate;
import dev.latchkey.domain.workload.ManageWorkloads;
import dev.latchkey.domain.workloadtoken.IssueWorkloadToken;
import dev.latchkey.domain.workloadtoken.WorkloadTokenCodec;
import dev.latchkey.domain.workloadtoken.WorkloadTokenVerifier;
import dev.latchkey.domain.workspace.lifecycle.BootstrapWorkspace;
import dev.latchkey.domain.workspace.lifecycle.CreateWorkspace;
import dev.latchkey.domain.workspace.lifecycle.DeleteWorkspace;
import dev.latchkey.persistence.JdbiStores;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The domain's use cases wired to their ports: built once, by the server or by a command. */
final class LatchkeyCore {
    /** The {@code aud} of X-Latchkey-Principal assertions: the upstreams behind a proxy. */
    static final String PRINCIPAL_AUDIENCE = "latchkey-upstream";

    final Clock clock;
    final LastUsedRecorder lastUsed;
    final ApiKeyVerifier apiKeyVerifier;
    final IssueApiKey issueApiKey;
    final ListApiKeys listApiKeys;
    final RevokeApiKey revokeApiKey;
    final RollApiKey rollApiKey;
    final CreateWorkspace createWorkspace;
    final ReadAuditTrail readAuditTrail;
    final UserTokenVerifier userTokenVerifier;
    final SignInSessions signInSessions;
    final RegisterUser registerUser;
    final AddressProofs addressProofs;
    final LogIn logIn;
    final SignOut signOut;
    final BootstrapWorkspace bootstrapWorkspace;
    final ManageMembers manageMembers;
    final DeleteWorkspace deleteWorkspace;

    final SignInWithExternalIdentity signInWithExternalIdentity;
    final ExternalJwtVerifier externalJwtVerifier;

    final ManageActorMappings manageActorMappings;
    final ManageWorkloads manageWorkloads;
    final ManageDelegationGrants manageDelegationGrants;
    final WorkloadTokenCodec workloadTokenCodec;
    final WorkloadSigningKeys signingKeys;
    final IssueWorkloadToken issueWorkloadToken;
    final PrincipalAssertions principalAssertions;
    final SensitiveActions sensitiveActions;
    final UsageGate usageGate;
    final Optional<OAuthServer> oauth;

    private final List<CredentialVerifier> verifiers;

    /** The OAuth authorization server's use cases, when {@code oauth.enabled}. */
    record OAuthServer(
            OAuthSettings settings,
            ProtectedResources resources,
            RegisterClient registerClient,
            ValidateAuthorizationRequest validateAuthorization,
            GrantConsent grantConsent,
            IssueOAuthTokens issueTokens,
            RevokeOAuthToken revokeToken,
            ManageOAuthConnections connections,
            ExpireOAuthRecords expireRecords,
            OAuthTokenVerifier verifier) {}

    LatchkeyCore(
            LatchkeyConfiguration configuration,
            JdbiStores stores,
            SecretHasher hasher,
            UserTokenCodec codec,
            ExternalTokenVerifier externalTokens,
            Optional<IdentityProvider> workos,
            Clock clock,
            ClientMetadataDocuments documents,
            UsageCounters usageCounters,
            CaffeineCaches caches) {
        ApiKeysConfiguration keys = configuration.getApiKeys();
        UserTokensConfiguration userTokens = configuration.getUserTokens();
        RoleScopes roleScopes = configuration.getRoleScopes();
        SecureRandom random = new SecureRandom();
        IdGenerator ids = new RandomIdGenerator(random);
        AuditTrail audit = new AuditTrail(stores.auditLog(), ids, clock);
        VerificationCache cache = caches.verifications("api_keys", keys.getCacheMaxEntries());
        VerificationCache tokenCache = caches.verifications("tokens", keys.getCacheMaxEntries());
        VerificationCache validationCache = caches.verifications("provider_validations", keys.getCacheMaxEntries());
        // Use cases tell what changed; the caches forget what it made stale (one place knows what).
        InProcessCredentialEvents events = new InProcessCredentialEvents();
        events.subscribe(new ForgetStaleVerifications(List.of(cache, tokenCache, validationCache)));

        this.clock = clock;
        this.lastUsed = new LastUsedRecorder(
                stores.apiKeys(), keys.getLastUsedGranularity().toJavaDuration());
        this.apiKeyVerifier = new ApiKeyVerifier(
                stores.apiKeys(),
                stores.workspaces(),
                hasher,
                cache,
                lastUsed,
                clock,
                keys.getRevalidateAfter().toJavaDuration(),
                caches);
        this.issueApiKey = new IssueApiKey(stores.apiKeys(), hasher, ids, random, clock, audit);
        this.listApiKeys = new ListApiKeys(stores.apiKeys());
        this.revokeApiKey = new RevokeApiKey(stores.apiKeys(), events, clock, audit);
        this.rollApiKey = new RollApiKey(stores.apiKeys(), issueApiKey, events, clock, audit);
        this.createWorkspace = new CreateWorkspace(stores.workspaces(), issueApiKey, ids, clock, audit);
        this.readAuditTrail = new ReadAuditTrail(stores.auditLog());

        IssueUserToken issueUserToken = new IssueUserToken(
                codec,
                stores.memberships(),
                ids,
                clock,
                userTokens.getLifetime().toJavaDuration());
        UserPrincipals principals = new UserPrincipals(stores.memberships(), stores.workspaces(), roleScopes);
        CachedTokenVerification tokenVerifications = new CachedTokenVerification(
                tokenCache, clock, userTokens.getRevalidateAfter().toJavaDuration(), caches);
        this.userTokenVerifier =
                new UserTokenVerifier(codec, stores.revokedTokens(), stores.users(), principals, tokenVerifications);
        this.signInSessions =
                new SignInSessions(codec, issueUserToken, userTokenVerifier, stores.revokedTokens(), clock);
        AcceptInvitations acceptInvitations = new AcceptInvitations(stores.invitations(), stores.memberships(), clock);
        ExternalUsers externalUsers = new ExternalUsers(
                stores.externalIdentities(),
                stores.users(),
                acceptInvitations,
                takenOver -> {
                    events.publish(new CredentialEvent.ActorChanged(takenOver.id()));
                    stores.memberships()
                            .listActiveByUser(takenOver.id())
                            .forEach(
                                    m -> audit.record(
                                            m.workspaceId(),
                                            new Initiator(takenOver.id(), Optional.empty(), Optional.empty()),
                                            "user.taken_over",
                                            takenOver.id(),
                                            Map.of(
                                                    "reason",
                                                    "a verified identity signed in to this account, whose "
                                                            + "address was never proven: its password and every token of it ended")));
                },
                ids,
                clock);
        this.externalJwtVerifier =
                new ExternalJwtVerifier(externalTokens, externalUsers, principals, tokenVerifications);
        var passwords = configuration.getPasswords();
        this.addressProofs = new AddressProofs(
                stores.users(),
                new EmailTokens(stores.emailTokens(), random, clock),
                configuration.getMail().mailer(clock),
                acceptInvitations,
                hasher,
                events,
                clock,
                // The HTTP addresses of AuthResource's endpoints, which the mails name.
                new AddressProofs.Links(
                        configuration.getOauth().getIssuer() + "/auth/verify-email",
                        configuration.getOauth().getIssuer() + "/auth/password-reset"),
                new FailedAttemptLimiter(
                        passwords.getMaxSignUpsPerAddress(),
                        passwords.signUpWindow(),
                        clock,
                        caches,
                        "address_proof_mails_per_address"));
        this.registerUser = new RegisterUser(
                stores.users(),
                hasher,
                issueUserToken,
                addressProofs,
                new FailedAttemptLimiter(
                        passwords.getMaxSignUpsPerAddress(),
                        passwords.signUpWindow(),
                        clock,
                        caches,
                        "sign_ups_per_address"),
                ids,
                clock,
                passwords.isSignUp(),
                passwords.isTokenAtSignUp());
        this.signInWithExternalIdentity = new SignInWithExternalIdentity(externalTokens, externalUsers, issueUserToken);
        Duration loginWindow = userTokens.getFailedLoginWindow().toJavaDuration();
        this.logIn = new LogIn(
                stores.users(),
                hasher,
                issueUserToken,
                new FailedAttemptLimiter(
                        userTokens.getMaxFailedLoginsPerAccount(),
                        loginWindow,
                        clock,
                        caches,
                        "failed_logins_per_account"),
                new FailedAttemptLimiter(
                        userTokens.getMaxFailedLoginsPerAddress(),
                        loginWindow,
                        clock,
                        caches,
                        "failed_logins_per_address"),
                !passwords.isTokenAtSignUp());
        this.signOut = new SignOut(stores.revokedTokens(), stores.users(), events, clock);
        this.bootstrapWorkspace = new BootstrapWorkspace(
                stores.workspaces(),
                stores.memberships(),
                stores.users(),
                issueApiKey,
                issueUserToken,
                roleScopes,
                ids,
                clock,
                audit,
                events,
                keys.getAuthority() == ApiKeysConfiguration.Authority.LOCAL);
        this.manageMembers = new ManageMembers(
                stores.memberships(), stores.invitations(), stores.users(), roleScopes, events, clock, audit);
        this.deleteWorkspace = new DeleteWorkspace(stores.workspaces(), stores.memberships(), events, clock, audit);
        this.manageActorMappings =
                new ManageActorMappings(stores.actorMappings(), stores.workspaces(), roleScopes, events, ids, audit);

        // Workload secrets are Latchkey's own 261-bit randoms: SHA-256, not argon2id (GeneratedSecretHasher).
        SecretHasher workloadSecrets = new GeneratedSecretHasher(hasher);
        this.manageWorkloads =
                new ManageWorkloads(stores.workloads(), workloadSecrets, ids, random, clock, audit, events);
        GrantScopes grantScopes =
                new GrantScopes(stores.memberships(), stores.workloads(), roleScopes, stores.workspaces());
        this.manageDelegationGrants = new ManageDelegationGrants(
                stores.delegationGrants(),
                stores.workloads(),
                grantScopes,
                ids,
                clock,
                audit,
                events,
                stores.revokedTokens());
        var workloadTokens = configuration.getWorkloadTokens();
        this.signingKeys = new WorkloadSigningKeys(
                stores.signingKeys(),
                ConfiguredSecrets.keyEncryptionKey(workloadTokens),
                clock,
                workloadTokens.getActivationDelay().toJavaDuration(),
                IssueWorkloadToken.LIFETIME.plusMinutes(1),
                Duration.ofMinutes(1));
        this.workloadTokenCodec = new Rs256WorkloadTokenCodec(
                signingKeys, workloadTokens.getIssuer(), workloadTokens.getAudience(), clock);
        this.principalAssertions = new Rs256PrincipalAssertions(
                signingKeys, workloadTokens.getIssuer(), PRINCIPAL_AUDIENCE, Duration.ofSeconds(60), clock, caches);
        this.issueWorkloadToken = new IssueWorkloadToken(
                stores.workloads(),
                stores.delegationGrants(),
                grantScopes,
                workloadSecrets,
                workloadTokenCodec,
                ids,
                clock);

        this.usageGate = new UsageGate(usageCounters, configuration.getPlanOfWorkspace(), clock);
        this.sensitiveActions = new SensitiveActions(
                stores.approvals(),
                stores.delegationGrants(),
                ids,
                clock,
                audit,
                configuration.getApprovals().requiredFor());

        this.oauth = configuration.getOauth().isEnabled()
                ? Optional.of(oauthServer(
                        configuration.getOauth(),
                        stores,
                        principals,
                        tokenCache,
                        events,
                        userTokens.getRevalidateAfter().toJavaDuration(),
                        audit,
                        ids,
                        random,
                        clock,
                        documents,
                        caches))
                : Optional.empty();

        List<CredentialVerifier> chain = new ArrayList<>();
        // Before user tokens: both carry our issuer, and only this one checks typ: at+jwt.
        chain.add(new WorkloadTokenVerifier(
                workloadTokenCodec,
                stores.delegationGrants(),
                grantScopes,
                stores.revokedTokens(),
                tokenVerifications,
                clock));
        boolean workosKeys = keys.getAuthority() == ApiKeysConfiguration.Authority.WORKOS;
        if (workosKeys && workos.isEmpty()) {
            throw new IllegalStateException(
                    "apiKeys.authority is workos but workos.apiKey and workos.clientId are not set");
        }
        if (!workosKeys) {
            chain.add(apiKeyVerifier);
        }
        oauth.ifPresent(server -> chain.add(server.verifier()));
        chain.add(userTokenVerifier);
        chain.add(externalJwtVerifier);
        workos.ifPresent(provider -> {
            MappedActors actors = new MappedActors(stores.actorMappings(), roleScopes);
            var workosConfig = configuration.getWorkos();
            if (workosKeys) {
                chain.add(new ProviderApiKeyVerifier(
                        provider,
                        actors,
                        new CachedTokenVerification(
                                validationCache,
                                clock,
                                workosConfig.getValidationCacheTtl().toJavaDuration(),
                                workosConfig.getOutageGrace().toJavaDuration(),
                                AuthError.INVALID_API_KEY,
                                caches),
                        clock,
                        caches));
            }
            chain.add(new ProviderAccessTokenVerifier(
                    provider,
                    actors,
                    new CachedTokenVerification(
                            tokenCache,
                            clock,
                            userTokens.getRevalidateAfter().toJavaDuration(),
                            workosConfig.getOutageGrace().toJavaDuration(),
                            AuthError.INVALID_JWT,
                            caches)));
        });
        this.verifiers = List.copyOf(chain);
    }

    private static OAuthServer oauthServer(
            OAuthConfiguration config,
            JdbiStores stores,
            UserPrincipals principals,
            VerificationCache tokenCache,
            CredentialEvents events,
            Duration revalidateAfter,
            AuditTrail audit,
            IdGenerator ids,
            SecureRandom random,
            Clock clock,
            ClientMetadataDocuments documents,
            Caches caches) {
        OAuthSettings settings = config.toSettings();
        ProtectedResources resources = config.toProtectedResources();
        OAuthClients clients = new OAuthClients(stores.oauthClients(), documents);
        OAuthRevocations revocations = new OAuthRevocations(stores.oauthTokens(), events, clock);
        OAuthTokenIssuer issuer = new OAuthTokenIssuer(stores.oauthTokens(), clients, settings, ids, random, clock);
        AuthenticateClient authenticateClient = new AuthenticateClient(clients);
        return new OAuthServer(
                settings,
                resources,
                new RegisterClient(
                        stores.oauthClients(),
                        new FailedAttemptLimiter(
                                config.getMaxRegistrationsPerAddress(),
                                config.getRegistrationWindow().toJavaDuration(),
                                clock,
                                caches,
                                "client_registrations_per_address"),
                        settings.supportedScopes(),
                        ids,
                        random,
                        clock),
                new ValidateAuthorizationRequest(clients, resources, settings),
                new GrantConsent(
                        stores.users(),
                        stores.memberships(),
                        stores.workspaces(),
                        principals,
                        stores.authorizationCodes(),
                        settings,
                        audit,
                        random,
                        clock),
                new IssueOAuthTokens(
                        authenticateClient,
                        List.of(
                                new AuthorizationCodeGrant(
                                        stores.authorizationCodes(), issuer, revocations, resources, clock),
                                new RefreshTokenGrant(
                                        stores.oauthTokens(),
                                        issuer,
                                        revocations,
                                        resources,
                                        settings,
                                        stores.users(),
                                        clock))),
                new RevokeOAuthToken(authenticateClient, stores.oauthTokens(), revocations),
                new ManageOAuthConnections(stores.oauthTokens(), clients, revocations, clock),
                new ExpireOAuthRecords(
                        stores.oauthClients(),
                        stores.authorizationCodes(),
                        stores.oauthTokens(),
                        config.getUnusedClientExpiry().toJavaDuration(),
                        clock),
                new OAuthTokenVerifier(
                        stores.oauthTokens(),
                        stores.users(),
                        principals,
                        new CachedTokenVerification(
                                tokenCache,
                                clock,
                                revalidateAfter,
                                Duration.ZERO,
                                AuthError.INVALID_OAUTH_TOKEN,
                                caches),
                        settings,
                        clock,
                        caches));
    }

    /** The credential verifiers in the order they are asked. */
    List<CredentialVerifier> verifiers() {
        return verifiers;
    }

    AuthenticateRequest authenticateRequest(AuthenticationListener listener) {
        return new AuthenticateRequest(verifiers, listener);
    }
}
