package dev.latchkey.app;

import dev.latchkey.app.config.OAuthConfiguration;
import dev.latchkey.crypto.Jose4jClientAssertions;
import dev.latchkey.crypto.Rs256JwtAccessTokenSigner;
import dev.latchkey.domain.auth.AuthenticateRequest;
import dev.latchkey.domain.auth.CachedTokenVerification;
import dev.latchkey.domain.common.TimeOrderedIdGenerator;
import dev.latchkey.domain.error.AuthError;
import dev.latchkey.domain.oauth.AccessTokenFormats;
import dev.latchkey.domain.oauth.AuthenticateClient;
import dev.latchkey.domain.oauth.AuthorizationCodeGrant;
import dev.latchkey.domain.oauth.ClientAssertions;
import dev.latchkey.domain.oauth.ClientCredentialsGrant;
import dev.latchkey.domain.oauth.ClientMetadataDocuments;
import dev.latchkey.domain.oauth.ExpireOAuthRecords;
import dev.latchkey.domain.oauth.GrantConsent;
import dev.latchkey.domain.oauth.IssueOAuthTokens;
import dev.latchkey.domain.oauth.MachineClientPrincipals;
import dev.latchkey.domain.oauth.ManageMachineClients;
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
import dev.latchkey.domain.oauth.SealedMachineTokens;
import dev.latchkey.domain.oauth.ValidateAuthorizationRequest;
import dev.latchkey.domain.oauth.exchange.ExchangeForWorkloadToken;
import dev.latchkey.domain.oauth.handoff.HandOffAuthorization;
import dev.latchkey.domain.oauth.introspection.ResourceServers;
import dev.latchkey.http.CorsFilter;
import dev.latchkey.http.oauth.AuthorizationRequestsResource;
import dev.latchkey.http.oauth.AuthorizationResource;
import dev.latchkey.http.oauth.AuthorizationServerMetadataResource;
import dev.latchkey.http.oauth.ClientRegistrationResource;
import dev.latchkey.http.oauth.ConnectionsResource;
import dev.latchkey.http.oauth.MachineClientsResource;
import dev.latchkey.http.oauth.OAuthEndpoints;
import dev.latchkey.http.oauth.OAuthFailureMapper;
import dev.latchkey.http.oauth.TokenServlet;
import dev.latchkey.http.problem.Refusals;
import dev.latchkey.persistence.JdbiStores;
import io.dropwizard.core.setup.Environment;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The OAuth 2.1 authorization server, when {@code oauth.enabled}: client registration, the
 * authorization and consent pages, the token and revocation endpoints, people's connections, the
 * housekeeping of expired records, and the verifier of the access tokens it issues.
 */
final class OAuthFeature {
    final OAuthSettings settings;
    final ProtectedResources resources;
    final RegisterClient registerClient;
    final ValidateAuthorizationRequest validateAuthorization;
    final GrantConsent grantConsent;
    final IssueOAuthTokens issueTokens;
    final RevokeOAuthToken revokeToken;
    final ManageOAuthConnections connections;
    final ExpireOAuthRecords expireRecords;
    final OAuthTokenVerifier verifier;
    /** Who may introspect tokens (RFC 7662); the endpoint itself is wired with the decision edges. */
    final ResourceServers resourceServers;

    final ManageMachineClients machineClients;
    /** The platform's web app asking people instead of Latchkey's pages, when configured. */
    final Optional<HandOffAuthorization> handoff;

    private final OAuthConfiguration config;
    private final Foundations base;
    private final AgentsFeature agents;

    OAuthFeature(Foundations base, PeopleFeature people, AgentsFeature agents, ClientMetadataDocuments documents) {
        JdbiStores stores = base.stores;
        Clock clock = base.clock;
        this.base = base;
        this.agents = agents;
        this.config = base.configuration.getOauth();
        this.settings = config.toSettings();
        this.resources = config.toProtectedResources();
        this.resourceServers = config.toResourceServers(resources);
        // Machine clients remembered as long as a verified token is: the token endpoint reads one per token.
        OAuthClients clients = new OAuthClients(
                stores.oauthClients(),
                documents,
                base.caches,
                clock,
                base.configuration.getUserTokens().getRevalidateAfter().toJavaDuration());
        base.heard.subscribe(clients::forget);
        // Keyed by the user-token secret: every instance that can verify a user token can open these.
        SealedMachineTokens sealed = new SealedMachineTokens(
                ConfiguredSecrets.userTokenSecret(base.configuration.getUserTokens()),
                settings.issuer(),
                settings.accessTokenPrefix(),
                stores.revokedTokens());
        OAuthRevocations revocations = new OAuthRevocations(stores.oauthTokens(), sealed, base.events, clock);
        AccessTokenFormats formats = config.toAccessTokenFormats();
        OAuthTokenIssuer issuer = new OAuthTokenIssuer(
                stores.oauthTokens(),
                sealed,
                clients,
                settings,
                new TimeOrderedIdGenerator(base.random, clock),
                base.random,
                clock,
                formats,
                Optional.of(new Rs256JwtAccessTokenSigner(agents.signingKeys, settings.issuer())));
        OAuthEndpoints endpoints = new OAuthEndpoints(settings.issuer());
        ClientAssertions assertions = new Jose4jClientAssertions(clock);
        AuthenticateClient authenticateClient = new AuthenticateClient(
                clients,
                assertions,
                stores.revokedTokens(),
                // RFC 7523 §3: the token endpoint's URL; the issuer too, as OIDC clients send it.
                List.of(settings.issuer(), endpoints.token()),
                clock);
        this.machineClients = new ManageMachineClients(
                stores.oauthClients(), assertions, base.ids, base.random, clock, base.audit, base.events);
        this.registerClient = new RegisterClient(
                stores.oauthClients(),
                base.budget(
                        config.getMaxRegistrationsPerAddress(),
                        config.getRegistrationWindow().toJavaDuration(),
                        "client_registrations_per_address"),
                settings.supportedScopes(),
                base.ids,
                base.random,
                clock);
        this.validateAuthorization = new ValidateAuthorizationRequest(clients, resources, settings);
        this.grantConsent = new GrantConsent(
                stores.users(),
                stores.memberships(),
                stores.workspaces(),
                people.principals,
                stores.authorizationCodes(),
                settings,
                base.audit,
                base.random,
                clock);
        this.handoff = config.consentHandoffUrl()
                .map(url -> new HandOffAuthorization(
                        stores.pendingAuthorizations(),
                        validateAuthorization,
                        grantConsent,
                        url,
                        settings.issuer(),
                        base.random,
                        clock));
        this.issueTokens = new IssueOAuthTokens(
                authenticateClient,
                List.of(
                        new AuthorizationCodeGrant(stores.authorizationCodes(), issuer, revocations, resources, clock),
                        new RefreshTokenGrant(
                                stores.oauthTokens(), issuer, revocations, resources, settings, stores.users(), clock),
                        new ClientCredentialsGrant(issuer, resources)));
        this.revokeToken = new RevokeOAuthToken(authenticateClient, stores.oauthTokens(), sealed, revocations);
        this.connections = new ManageOAuthConnections(stores.oauthTokens(), clients, revocations, clock);
        this.expireRecords = new ExpireOAuthRecords(
                stores.oauthClients(),
                stores.authorizationCodes(),
                stores.oauthTokens(),
                config.getUnusedClientExpiry().toJavaDuration(),
                clock);
        this.verifier = new OAuthTokenVerifier(
                stores.oauthTokens(),
                sealed,
                stores.users(),
                people.principals,
                new MachineClientPrincipals(stores.oauthClients(), stores.workspaces()),
                new CachedTokenVerification(
                        base.tokenVerifications,
                        clock,
                        base.configuration.getUserTokens().getRevalidateAfter().toJavaDuration(),
                        Duration.ZERO,
                        AuthError.INVALID_OAUTH_TOKEN,
                        base.caches),
                settings,
                formats,
                clock,
                base.caches);
    }

    /**
     * @param authenticate the whole verifier chain, for a token exchange whose subject is a person's
     *     access token
     * @param refusals the one renderer of refusals, for the token endpoint's servlet
     */
    void register(Environment environment, PeopleFeature people, AuthenticateRequest authenticate, Refusals refusals) {
        var jersey = environment.jersey();
        OAuthEndpoints endpoints = new OAuthEndpoints(settings.issuer());
        jersey.register(new OAuthFailureMapper());
        jersey.register(new MachineClientsResource(machineClients));
        jersey.register(new CorsFilter());
        jersey.register(new AuthorizationServerMetadataResource(
                endpoints,
                resources,
                List.copyOf(config.getScopes().keySet()),
                config.getClientMetadataDocuments().isEnabled()));
        jersey.register(new ClientRegistrationResource(registerClient));
        jersey.register(new AuthorizationResource(
                validateAuthorization,
                grantConsent,
                people.logIn,
                people.signInWithExternalIdentity,
                people.signInSessions,
                endpoints,
                config.getScopes(),
                handoff));
        jersey.register(new AuthorizationRequestsResource(handoff, config.getScopes()));
        // A plain servlet, outside JAX-RS: a machine client may ask for a token per job.
        environment
                .servlets()
                .addServlet(
                        "oauth-token",
                        new TokenServlet(
                                issueTokens,
                                revokeToken,
                                Optional.of(new ExchangeForWorkloadToken(
                                        agents.workloadProof,
                                        agents.issueWorkloadToken,
                                        agents.handOnWorkloadToken,
                                        base.stores.delegationGrants(),
                                        authenticate,
                                        base.configuration.getWorkloadTokens().getAudience(),
                                        base.clock)),
                                refusals))
                .addMapping(TokenServlet.TOKEN_PATH, TokenServlet.REVOKE_PATH);
        jersey.register(new ConnectionsResource(connections));
        Housekeeping.every(
                Duration.ofMinutes(10),
                "expired OAuth records",
                handoff.isPresent()
                        ? List.of(expireRecords::run, handoff.get()::forgetExpired)
                        : List.of(expireRecords::run),
                environment.lifecycle(),
                "oauth-housekeeping");
    }
}
