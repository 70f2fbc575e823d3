package dev.latchkey.http.auth;

import dev.latchkey.domain.auth.AccessPolicy;
import dev.latchkey.domain.auth.AuthenticateRequest;
import dev.latchkey.domain.auth.Principal;
import dev.latchkey.domain.error.AuthFailure;
import dev.latchkey.domain.oauth.ProtectedResources;
import dev.latchkey.domain.scope.ScopeSet;
import dev.latchkey.domain.usage.UsageGate;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import java.util.Optional;

/** Runs the decision path for one resource method: parse, authenticate, check scopes. */
@Priority(Priorities.AUTHENTICATION)
final class AuthenticationFilter implements ContainerRequestFilter {
    private final AuthenticateRequest authenticate;
    private final ScopeSet requiredScopes;
    private final AuthMetrics metrics;
    private final UsageGate usage;
    private final Optional<ProtectedResources> resources;

    AuthenticationFilter(AuthenticateRequest authenticate, ScopeSet requiredScopes, AuthMetrics metrics,
            UsageGate usage, Optional<ProtectedResources> resources) {
        this.authenticate = authenticate;
        this.requiredScopes = requiredScopes;
        this.metrics = metrics;
        this.usage = usage;
        this.resources = resources;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        request.setProperty(CallerContext.CHALLENGE_SCOPES, requiredScopes);
        Principal principal;
        try (var timing = metrics.timeAuthentication()) {
            principal = authenticate.authenticate(CredentialParser.parse(request.getHeaders(), CredentialParser.sourceOf(request)));
        }
        try {
            if (principal.audience().isPresent() && resources.isPresent()) {
                String path = "/" + request.getUriInfo().getPath(true).replaceFirst("^/", "");
                AccessPolicy.requireAudience(principal, resources.get().forPath(path));
            }
            AccessPolicy.requireScopes(principal, requiredScopes);
        } catch (AuthFailure denied) {
            // RFC 6750 §3.1: name what is needed plus what is held, so a re-authorization keeps both.
            request.setProperty(CallerContext.CHALLENGE_SCOPES, requiredScopes.union(principal.scopes()));
            metrics.denied(principal, denied.error());
            throw denied;
        }
        request.setProperty(RateLimitHeaders.PROPERTY, usage.admit(principal));
        request.setSecurityContext(new CallerContext(principal, request.getSecurityContext().isSecure()));
    }
}
