package dev.latchkey.app;

import dev.latchkey.app.config.LatchkeyConfiguration;
import dev.latchkey.domain.auth.AuthenticateRequest;
import dev.latchkey.domain.common.Caches;
import dev.latchkey.domain.oauth.ProtectedResources;
import dev.latchkey.domain.oauth.introspection.IntrospectToken;
import dev.latchkey.domain.review.AccessReview;
import dev.latchkey.domain.route.DecideAccess;
import dev.latchkey.domain.route.RouteTable;
import dev.latchkey.http.auth.AuthMetrics;
import dev.latchkey.http.auth.PostureFeature;
import dev.latchkey.http.authz.AuthzCheckServlet;
import dev.latchkey.http.oauth.DelegatedResourceMetadataResource;
import dev.latchkey.http.oauth.IntrospectionServlet;
import dev.latchkey.http.oauth.TokenServlet;
import dev.latchkey.http.openapi.ServletRoute;
import dev.latchkey.http.problem.ProblemMappers;
import dev.latchkey.http.problem.Refusals;
import dev.latchkey.http.review.AccessReviewResource;
import dev.latchkey.http.workloadtoken.WorkloadTokenServlet;
import dev.latchkey.workos.WorkosSettings;
import io.dropwizard.core.setup.Environment;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The one decision at both edges: Latchkey's own API (each resource method's posture) and the
 * guarded APIs behind forward-auth (the route table), and one way to write a refusal for both; and
 * introspection (RFC 7662), which authenticates a token through the same chain for a resource server.
 */
final class DecisionFeature {
    private final LatchkeyConfiguration configuration;
    private final LatchkeyCore core;
    private final AuthMetrics metrics;
    private final Optional<WorkosSettings.McpAuthorization> authKitMcp;
    /**
     * Tokens bound to a resource are refused elsewhere: Latchkey's own OAuth server's resources, or
     * the MCP server AuthKit authorizes beside the rest of the API (which has no metadata of its own).
     */
    private final Optional<ProtectedResources> resources;

    private final Refusals refusals;

    DecisionFeature(LatchkeyConfiguration configuration, LatchkeyCore core, AuthMetrics metrics, Caches caches) {
        this.configuration = configuration;
        this.core = core;
        this.metrics = metrics;
        this.authKitMcp = authKitMcp();
        this.resources = core.oauth
                .map(oauth -> oauth.resources)
                .or(() -> authKitMcp.map(mcp -> new ProtectedResources(List.of(
                        ProtectedResources.canonicalise(configuration.getOauth().getIssuer()), mcp.resource()))));
        Predicate<String> publishesMetadata = core.oauth.isPresent()
                ? resource -> true
                : resource -> authKitMcp
                        .filter(mcp -> mcp.resource().equals(resource))
                        .isPresent();
        this.refusals = new Refusals(resources, publishesMetadata, caches);
    }

    /**
     * The MCP resource AuthKit authorizes, in WorkOS mode. One authorization server per resource:
     * with Latchkey's own OAuth server on as well, clients could not tell which to ask.
     */
    private Optional<WorkosSettings.McpAuthorization> authKitMcp() {
        Optional<WorkosSettings.McpAuthorization> mcp =
                configuration.getWorkos().mcp();
        if (mcp.isPresent() && !configuration.getWorkos().isEnabled()) {
            throw new IllegalStateException(
                    "workos.mcp is set but WorkOS is not: set workos.apiKey and workos.clientId");
        }
        if (mcp.isPresent() && core.oauth.isPresent()) {
            throw new IllegalStateException(
                    "workos.mcp makes AuthKit the MCP server's authorization server: set oauth.enabled: false");
        }
        return mcp;
    }

    /** The one renderer of refusals, for the JAX-RS mappers and the servlets alike. */
    Refusals refusals() {
        return refusals;
    }

    /** What the servlets above serve, for the OpenAPI document (Jersey's model does not show them). */
    List<ServletRoute> servletRoutes() {
        List<ServletRoute> routes = new java.util.ArrayList<>(AuthzCheckServlet.ROUTES);
        routes.addAll(WorkloadTokenServlet.ROUTES);
        core.oauth.ifPresent(oauth -> {
            routes.addAll(IntrospectionServlet.ROUTES);
            routes.addAll(TokenServlet.ROUTES);
        });
        return routes;
    }

    void register(Environment environment) {
        var jersey = environment.jersey();
        AuthenticateRequest authenticate = core.authenticateRequest(metrics);
        jersey.register(new PostureFeature(DecideAccess.forOwnApi(authenticate, core.usageGate, resources), metrics));
        authKitMcp.ifPresent(mcp -> jersey.register(new DelegatedResourceMetadataResource(
                mcp.resource(), mcp.issuer(), "MCP server, authorized by WorkOS AuthKit")));
        ProblemMappers.all(refusals).forEach(jersey::register);
        RouteTable routeTable = new RouteTable(configuration.getRouteRules());
        var stores = core.base.stores;
        jersey.register(new AccessReviewResource(new AccessReview(
                routeTable,
                stores.memberships(),
                core.base.roleScopes,
                stores.apiKeys(),
                stores.delegationGrants(),
                core.agents.grantScopes,
                stores.workloads(),
                stores.oauthClients(),
                stores.oauthTokens(),
                configuration.getApprovals().requiredFor(),
                core.base.clock)));
        // Served by plain servlets, outside JAX-RS: they sit on the guarded APIs' every request.
        environment
                .servlets()
                .addServlet(
                        "authz-check",
                        new AuthzCheckServlet(
                                routeTable,
                                DecideAccess.forGuardedApis(
                                        authenticate,
                                        core.agents.sensitiveActions,
                                        core.usageGate,
                                        resources,
                                        configuration.getMissingTenantError(),
                                        core.agents.principalAssertions),
                                configuration.getForwardAuth().proxy(),
                                refusals))
                .addMapping(AuthzCheckServlet.PATH, AuthzCheckServlet.PATH + "/*");
        // The third way to ask: a resource server introspecting a token (RFC 7662), same chain, same caches.
        core.oauth.ifPresent(oauth -> environment
                .servlets()
                .addServlet(
                        "introspection",
                        new IntrospectionServlet(new IntrospectToken(oauth.resourceServers, authenticate)))
                .addMapping(IntrospectionServlet.PATH));
    }
}
