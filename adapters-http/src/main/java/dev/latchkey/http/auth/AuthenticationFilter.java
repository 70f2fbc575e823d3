package dev.latchkey.http.auth;

import dev.latchkey.domain.route.DecideAccess;
import dev.latchkey.domain.route.Posture;
import dev.latchkey.http.RequestPaths;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import java.util.Map;
import java.util.Optional;

/**
 * Latchkey's own API's enforcement point: the credential parsed from the request and the posture
 * its resource method declares, decided by the same use case forward-auth asks.
 */
@Priority(Priorities.AUTHENTICATION)
final class AuthenticationFilter implements ContainerRequestFilter {
    private final DecideAccess decide;
    private final Posture posture;
    private final AuthMetrics metrics;

    AuthenticationFilter(DecideAccess decide, Posture posture, AuthMetrics metrics) {
        this.decide = decide;
        this.posture = posture;
        this.metrics = metrics;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        DecideAccess.Decision decision;
        try (var timing = metrics.timeAuthentication()) {
            decision = decide.decide(
                    posture,
                    Map.of(),
                    new DecideAccess.Request(
                            request.getMethod(),
                            Optional.empty(),
                            RequestPaths.of(request.getUriInfo()),
                            CredentialParser.parse(request.getHeaders(), CredentialParser.sourceOf(request)),
                            DecideAccess.ActionFacts.none()));
        }
        request.setProperty(RateLimitHeaders.PROPERTY, decision.allowance().orElseThrow());
        request.setSecurityContext(new CallerContext(
                decision.principal().orElseThrow(), request.getSecurityContext().isSecure()));
    }
}
