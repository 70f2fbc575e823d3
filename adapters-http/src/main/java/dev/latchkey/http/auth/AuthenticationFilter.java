package dev.latchkey.http.auth;

import dev.latchkey.domain.auth.AccessPolicy;
import dev.latchkey.domain.auth.AuthenticateRequest;
import dev.latchkey.domain.auth.Principal;
import dev.latchkey.domain.error.AuthFailure;
import dev.latchkey.domain.scope.ScopeSet;
import dev.latchkey.domain.usage.UsageGate;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;

/** Runs the decision path for one resource method: parse, authenticate, check scopes. */
@Priority(Priorities.AUTHENTICATION)
final class AuthenticationFilter implements ContainerRequestFilter {
    private final AuthenticateRequest authenticate;
    private final ScopeSet requiredScopes;
    private final AuthMetrics metrics;
    private final UsageGate usage;

    AuthenticationFilter(AuthenticateRequest authenticate, ScopeSet requiredScopes, AuthMetrics metrics,
            UsageGate usage) {
        this.authenticate = authenticate;
        this.requiredScopes = requiredScopes;
        this.metrics = metrics;
        this.usage = usage;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        Principal principal;
        try (var timing = metrics.timeAuthentication()) {
            principal = authenticate.authenticate(CredentialParser.parse(request.getHeaders()));
        }
        try {
            AccessPolicy.requireScopes(principal, requiredScopes);
        } catch (AuthFailure denied) {
            metrics.denied(principal, denied.error());
            throw denied;
        }
        request.setProperty(RateLimitHeaders.PROPERTY, usage.admit(principal));
        request.setSecurityContext(new CallerContext(principal, request.getSecurityContext().isSecure()));
    }
}
