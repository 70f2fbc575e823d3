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
 * for: the forward-auth endpoint names the original path in a request property, Latchkey's own API is
 * found by its own path. Resolved only when a challenge is written, never on an allowed request.
 */
public final class ResourceMetadataChallenge implements ContainerResponseFilter {
    /** Request property: the path a forward-auth request asked about, when not Latchkey's own API's. */
    public static final String ORIGINAL_PATH = "latchkey.originalPath";

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
        String resource = resources.forPath(request.getProperty(ORIGINAL_PATH) instanceof String original ? original
                : "/" + request.getUriInfo().getPath(true).replaceFirst("^/", ""));
        StringBuilder extended = new StringBuilder(value);
        extended.append(value.equals("Bearer") ? " " : ", ").append("resource_metadata=\"")
                .append(OAuthEndpoints.protectedResourceMetadataOf(resource)).append('"');
        if (request.getProperty(CallerContext.CHALLENGE_SCOPES) instanceof ScopeSet scopes && !scopes.isEmpty()
                && !value.contains("scope=")) {
            extended.append(", scope=\"").append(scopes.toSpaceSeparated()).append('"');
        }
        response.getHeaders().putSingle(HttpHeaders.WWW_AUTHENTICATE, extended.toString());
    }
}
