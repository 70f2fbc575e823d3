package dev.latchkey.http.auth;

import dev.latchkey.domain.route.DecideAccess;
import dev.latchkey.domain.route.Posture;
import dev.latchkey.domain.scope.ScopeSet;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import java.lang.reflect.Method;
import java.util.Arrays;

/**
 * Attaches the authentication filter to every resource method according to its declared posture,
 * and refuses to start when a method declares none: in Jersey an unannotated method is public,
 * and "public by omission" is how auth services leak.
 */
public final class PostureFeature implements DynamicFeature {
    private static final String JERSEY_INTERNALS = "org.glassfish.jersey.";
    private final DecideAccess decide;
    private final AuthMetrics metrics;

    public PostureFeature(DecideAccess decide, AuthMetrics metrics) {
        this.decide = decide;
        this.metrics = metrics;
    }

    @Override
    public void configure(ResourceInfo resourceInfo, FeatureContext context) {
        if (resourceInfo.getResourceClass().getName().startsWith(JERSEY_INTERNALS)) {
            return; // Jersey's own OPTIONS and WADL handlers: no data, nothing to guard
        }
        Method method = resourceInfo.getResourceMethod();
        Authenticated authenticated = method.getAnnotation(Authenticated.class);
        boolean isPublic = method.isAnnotationPresent(Public.class);
        if (authenticated == null && !isPublic) {
            throw new IllegalStateException(
                    describe(resourceInfo) + " declares no auth posture: annotate it @Public or @Authenticated");
        }
        if (authenticated != null && isPublic) {
            throw new IllegalStateException(describe(resourceInfo) + " is both @Public and @Authenticated");
        }
        if (authenticated != null) {
            ScopeSet required = ScopeSet.parse(Arrays.asList(authenticated.scopes()));
            context.register(new AuthenticationFilter(
                    decide, new Posture.Authenticated(required, !required.isEmpty()), metrics));
            context.register(new RateLimitHeaders());
        }
    }

    private static String describe(ResourceInfo info) {
        return info.getResourceClass().getSimpleName() + "#"
                + info.getResourceMethod().getName();
    }
}
