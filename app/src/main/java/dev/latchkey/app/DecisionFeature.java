package dev.latchkey.app;

import dev.latchkey.app.config.LatchkeyConfiguration;
import dev.latchkey.domain.auth.AuthenticateRequest;
import dev.latchkey.domain.common.Caches;
import dev.latchkey.domain.oauth.ProtectedResources;
import dev.latchkey.domain.oauth.introspection.IntrospectToken;
import dev.latchkey.domain.route.DecideAccess;
import dev.latchkey.domain.route.RouteTable;
import dev.latchkey.http.auth.AuthMetrics;
import dev.latchkey.http.auth.PostureFeature;
import dev.latchkey.http.authz.AuthzCheckResource;
import dev.latchkey.http.oauth.IntrospectionResource;
import dev.latchkey.http.problem.ProblemMappers;
import dev.latchkey.http.problem.Refusals;
import io.dropwizard.core.setup.Environment;
import java.util.Optional;

/**
 * The one decision at both edges: Latchkey's own API (each resource method's posture) and the
 * guarded APIs behind forward-auth (the route table), and one way to write a refusal for both; and
 * introspection (RFC 7662), which authenticates a token through the same chain for a resource server.
 */
final class DecisionFeature {
    private final LatchkeyConfiguration configuration;
    private final LatchkeyCore core;
    private final AuthMetrics metrics;
    private final Caches caches;

    DecisionFeature(LatchkeyConfiguration configuration, LatchkeyCore core, AuthMetrics metrics, Caches caches) {
        this.configuration = configuration;
        this.core = core;
        this.metrics = metrics;
        this.caches = caches;
    }

    void register(Environment environment) {
        var jersey = environment.jersey();
        Optional<ProtectedResources> resources = core.oauth.map(oauth -> oauth.resources);
        AuthenticateRequest authenticate = core.authenticateRequest(metrics);
        jersey.register(new PostureFeature(DecideAccess.forOwnApi(authenticate, core.usageGate, resources), metrics));
        Refusals refusals = new Refusals(resources, caches);
        ProblemMappers.all(refusals).forEach(jersey::register);
        jersey.register(new AuthzCheckResource(
                new RouteTable(configuration.getRouteRules()),
                DecideAccess.forGuardedApis(
                        authenticate,
                        core.agents.sensitiveActions,
                        core.usageGate,
                        resources,
                        configuration.getMissingTenantError(),
                        core.agents.principalAssertions),
                configuration.getForwardAuth().proxy(),
                refusals));
        // The third way to ask: a resource server introspecting a token (RFC 7662), same chain, same caches.
        core.oauth.ifPresent(oauth ->
                jersey.register(new IntrospectionResource(new IntrospectToken(oauth.resourceServers, authenticate))));
    }
}
