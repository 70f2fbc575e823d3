package dev.latchkey.http.oauth;

import dev.latchkey.domain.oauth.ProtectedResources;
import dev.latchkey.domain.scope.ScopeSet;
import dev.latchkey.http.auth.CallerContext;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;

/**
 * Adds {@code resource_metadata} (RFC 9728 §5.1) to every Bearer challenge, so an MCP client that
 * gets a 401 or 403 can discover where to obtain a token. The resource is the one the request was
 * for, found by its path (the forward-auth endpoint writes its refusals itself, with the same
 * extension for the original path). Resolved only when a challenge is written, never on an allowed
 * request.
 */
public final class ResourceMetadataChallenge implements ContainerResponseFilter {
    private final ProtectedResources resources;

    public ResourceMetadataChallenge(ProtectedResources resources) {
        this.resources = resources;
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Object challenge = response.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE);
        if (!(challenge instanceof String value) || !value.startsWith("Bearer") || value.contains("resource_metadata=")) {
            return;
        }
        String resource = resources.forPath("/" + request.getUriInfo().getPath(true).replaceFirst("^/", ""));
        ScopeSet scopes = request.getProperty(CallerContext.CHALLENGE_SCOPES) instanceof ScopeSet held ? held
                : ScopeSet.EMPTY;
        response.getHeaders().putSingle(HttpHeaders.WWW_AUTHENTICATE, extended(value, resource, scopes));
    }

    /**
     * A Bearer challenge with {@code resource_metadata} for {@code resource} and, when there are any,
     * the {@code scope} a client should ask for.
     */
    public static String extended(String challenge, String resource, ScopeSet scopes) {
        StringBuilder extended = new StringBuilder(challenge);
        extended.append(challenge.equals("Bearer") ? " " : ", ").append("resource_metadata=\"")
                .append(OAuthEndpoints.protectedResourceMetadataOf(resource)).append('"');
        if (!scopes.isEmpty() && !challenge.contains("scope=")) {
            extended.append(", scope=\"").append(scopes.toSpaceSeparated()).append('"');
        }
        return extended.toString();
    }
}
