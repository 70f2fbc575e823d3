package dev.latchkey.http;

import jakarta.annotation.Priority;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Response;

/**
 * CORS for browser-based MCP clients (the MCP Inspector, web IDEs): discovery, registration, token
 * and revocation, and the bearer-protected API. Any origin may call them because none relies on
 * cookies — the credential is in the request itself — so {@code *} exposes nothing a script could
 * not send anyway. The authorization and consent pages are excluded: they rely on the session
 * cookie and are navigated to, never fetched. {@code WWW-Authenticate} is exposed so that a
 * browser client can find the resource metadata after a 401. Of the endpoints served outside
 * JAX-RS, the token and revocation endpoints apply the same rule through {@link
 * #answeredForServlet}; the server-to-server ones ({@code /authz/check} for proxies, {@code
 * /oauth/introspect} for resource servers) send no CORS headers: a browser has no business calling them.
 */
@PreMatching
@Priority(Priorities.HEADER_DECORATOR)
public final class CorsFilter implements ContainerRequestFilter, ContainerResponseFilter {
    private static final String ALLOWED_HEADERS =
            "Authorization, Content-Type, MCP-Protocol-Version, Mcp-Session-Id, " + "X-API-Key";
    private static final String ALLOWED_METHODS = "GET, POST, PUT, PATCH, DELETE, OPTIONS";
    private static final String MAX_AGE = "86400";
    private static final String EXPOSED_HEADERS =
            "WWW-Authenticate, Mcp-Session-Id, Retry-After, RateLimit-Limit, " + "RateLimit-Remaining, RateLimit-Reset";

    /**
     * This filter's answer for a servlet outside JAX-RS: a preflight is answered (204), any other
     * request from a page gets the allow and expose headers before its answer is written.
     *
     * @return whether it answered (a preflight), and the servlet must not
     */
    public static boolean answeredForServlet(HttpServletRequest request, HttpServletResponse response) {
        if (request.getHeader("Origin") == null) {
            return false;
        }
        response.setHeader("Access-Control-Allow-Origin", "*");
        if (request.getMethod().equals(HttpMethod.OPTIONS)
                && request.getHeader("Access-Control-Request-Method") != null) {
            response.setHeader("Access-Control-Allow-Methods", ALLOWED_METHODS);
            response.setHeader("Access-Control-Allow-Headers", ALLOWED_HEADERS);
            response.setHeader("Access-Control-Max-Age", MAX_AGE);
            response.setStatus(204);
            return true;
        }
        response.setHeader("Access-Control-Expose-Headers", EXPOSED_HEADERS);
        return false;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getMethod().equals(HttpMethod.OPTIONS)
                && request.getHeaderString("Origin") != null
                && request.getHeaderString("Access-Control-Request-Method") != null
                && appliesTo(path(request))) {
            request.abortWith(Response.noContent()
                    .header("Access-Control-Allow-Origin", "*")
                    .header("Access-Control-Allow-Methods", ALLOWED_METHODS)
                    .header("Access-Control-Allow-Headers", ALLOWED_HEADERS)
                    .header("Access-Control-Max-Age", MAX_AGE)
                    .build());
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getHeaderString("Origin") != null
                && appliesTo(path(request))
                && !response.getHeaders().containsKey("Access-Control-Allow-Origin")) {
            response.getHeaders().putSingle("Access-Control-Allow-Origin", "*");
            response.getHeaders().putSingle("Access-Control-Expose-Headers", EXPOSED_HEADERS);
        }
    }

    private static String path(ContainerRequestContext request) {
        return RequestPaths.of(request.getUriInfo());
    }

    static boolean appliesTo(String path) {
        return !(path.startsWith("/oauth/authorize")
                || path.startsWith("/oauth/login")
                || path.startsWith("/oauth/connections")
                || path.startsWith("/console"));
    }
}
