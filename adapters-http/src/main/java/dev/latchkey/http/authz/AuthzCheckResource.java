package dev.latchkey.http.authz;

import dev.latchkey.domain.auth.Principal;
import dev.latchkey.domain.error.AuthFailure;
import dev.latchkey.domain.error.RequestRejected;
import dev.latchkey.domain.route.DecideAccess;
import dev.latchkey.domain.route.PrincipalAssertions;
import dev.latchkey.http.auth.CredentialParser;
import dev.latchkey.http.auth.Public;
import dev.latchkey.http.auth.RateLimitHeaders;
import dev.latchkey.http.oauth.ResourceMetadataChallenge;
import dev.latchkey.http.problem.AuthErrorStatus;
import dev.latchkey.http.problem.ProblemResponses;
import dev.latchkey.http.problem.RequestRejectedMapper;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The forward-auth decision endpoint for nginx {@code auth_request}, Traefik ForwardAuth and Envoy
 * {@code ext_authz} (HTTP): the original method and URI come from the proxy's headers, the decision
 * from the route table, and the answer is 200 with identity headers for the upstream, or the exact
 * problem the caller should see. It does its own authentication, hence {@code @Public}.
 */
@Path("/authz/check{original: (/.*)?}")
public final class AuthzCheckResource {
    /** Set by a proxy whose auth subrequests can relay only 401 and 403 (nginx {@code auth_request}). */
    static final String SUBREQUEST = "X-Latchkey-Subrequest";
    /** The status Latchkey would have answered, on a subrequest denial. */
    static final String STATUS = "X-Latchkey-Status";

    private final DecideAccess decide;
    private final PrincipalAssertions assertions;

    /** @param assertions signs the {@code X-Latchkey-Principal} header of an allowed request */
    public AuthzCheckResource(DecideAccess decide, PrincipalAssertions assertions) {
        this.decide = decide;
        this.assertions = assertions;
    }

    @GET
    @Public
    public Response get(@Context HttpHeaders headers, @Context Request request, @Context UriInfo uri,
            @Context ContainerRequestContext context) {
        return check(headers, request, uri, context);
    }

    @POST
    @Public
    public Response post(@Context HttpHeaders headers, @Context Request request, @Context UriInfo uri,
            @Context ContainerRequestContext context) {
        return check(headers, request, uri, context);
    }

    @PUT
    @Public
    public Response put(@Context HttpHeaders headers, @Context Request request, @Context UriInfo uri,
            @Context ContainerRequestContext context) {
        return check(headers, request, uri, context);
    }

    @PATCH
    @Public
    public Response patch(@Context HttpHeaders headers, @Context Request request, @Context UriInfo uri,
            @Context ContainerRequestContext context) {
        return check(headers, request, uri, context);
    }

    @DELETE
    @Public
    public Response delete(@Context HttpHeaders headers, @Context Request request, @Context UriInfo uri,
            @Context ContainerRequestContext context) {
        return check(headers, request, uri, context);
    }

    @HEAD
    @Public
    public Response head(@Context HttpHeaders headers, @Context Request request, @Context UriInfo uri,
            @Context ContainerRequestContext context) {
        return check(headers, request, uri, context);
    }

    @OPTIONS
    @Public
    public Response options(@Context HttpHeaders headers, @Context Request request, @Context UriInfo uri,
            @Context ContainerRequestContext context) {
        return check(headers, request, uri, context);
    }

    private Response check(HttpHeaders headers, Request request, UriInfo uri, ContainerRequestContext context) {
        boolean subrequest = headers.getHeaderString(SUBREQUEST) != null
                && !headers.getHeaderString(SUBREQUEST).isBlank();
        DecideAccess.Decision decision;
        try {
            OriginalRequest original = OriginalRequest.of(headers, request.getMethod(), uri);
            context.setProperty(ResourceMetadataChallenge.ORIGINAL_PATH, original.path());
            decision = decide.decide(original.method(), original.path(),
                    CredentialParser.parse(headers.getRequestHeaders()), actionFacts(headers));
        } catch (AuthFailure failure) {
            // Answered here rather than rethrown: the same problem the mapper would build, without a
            // trip through Jersey's exception mapping on what is the common path for a proxy.
            return subrequest ? relayable(AuthErrorStatus.of(failure.error())) : ProblemResponses.of(failure);
        } catch (RequestRejected rejected) {
            if (subrequest) {
                return relayable(RequestRejectedMapper.statusOf(rejected.error()));
            }
            throw rejected;
        }
        Response.ResponseBuilder allowed = Response.ok();
        decision.principal().ifPresent(principal -> identityHeaders(allowed, principal)
                .header("X-Latchkey-Principal", assertions.assertionFor(principal)));
        decision.allowance().ifPresent(allowance -> RateLimitHeaders.add(allowed, allowance));
        return allowed.build();
    }

    /**
     * A denial a subrequest can carry: 401 stays 401, anything else becomes 403, with the real
     * status alongside. The proxy then asks again outside the subrequest for the full answer.
     */
    private static Response relayable(int status) {
        return Response.status(status == 401 ? 401 : 403).header(STATUS, Integer.toString(status)).build();
    }

    /**
     * What a sensitive action is bound to. Forward-auth never sees the body, so the caller declares
     * its SHA-256 in {@code X-Latchkey-Body-SHA256} and the upstream must check the body against it.
     */
    private static DecideAccess.ActionFacts actionFacts(HttpHeaders headers) {
        String declared = headers.getHeaderString("X-Latchkey-Body-SHA256");
        if (declared != null && !declared.strip().matches("[0-9a-fA-F]{64}")) {
            throw dev.latchkey.domain.error.RequestRejected.invalid("X-Latchkey-Body-SHA256 must be 64 hex digits");
        }
        return new DecideAccess.ActionFacts(declared == null ? DecideAccess.ActionFacts.EMPTY_BODY
                : declared.strip().toLowerCase(java.util.Locale.ROOT),
                Optional.ofNullable(headers.getHeaderString("X-Latchkey-Approval")).map(String::strip));
    }

    /** Facts for the upstream; a proxy must strip any copies the caller sent (see docs). */
    private static Response.ResponseBuilder identityHeaders(Response.ResponseBuilder response, Principal principal) {
        return response.header("X-Latchkey-Actor", principal.actor().id())
                .header("X-Latchkey-Actor-Kind", principal.actor().kind().wireName())
                .header("X-Latchkey-Tenant", principal.tenantId().orElse(""))
                .header("X-Latchkey-Role", principal.actor().role())
                .header("X-Latchkey-Scopes", principal.scopes().toSpaceSeparated())
                .header("X-Latchkey-Owner-Scopes", String.join(" ", new TreeSet<>(principal.actor().ownerScopes())))
                .header("X-Latchkey-Credential-Kind", principal.credentialKind().wireName())
                .header("X-Latchkey-Credential-Id", principal.credentialId());
    }

    /** The method and path the proxy is asking about. */
    record OriginalRequest(String method, String path) {

        static OriginalRequest of(HttpHeaders headers, String ownMethod, UriInfo uri) {
            String method = first(headers, "X-Original-Method", "X-Forwarded-Method").orElse(ownMethod);
            // Envoy's ext_authz (HTTP) forwards the original path after the configured prefix.
            String target = first(headers, "X-Original-URI", "X-Forwarded-Uri").orElseGet(() -> envoyPath(uri));
            return new OriginalRequest(method, pathOf(target));
        }

        /**
         * Envoy's ext_authz (HTTP) asks at the configured prefix followed by the original path
         * ({@code /authz/check/api/records/1}); without that suffix, the request's own path.
         */
        private static String envoyPath(UriInfo uri) {
            String suffix = uri.getPathParameters(false).getFirst("original");
            return suffix == null || suffix.isEmpty() ? uri.getRequestUri().getRawPath() : suffix;
        }

        private static Optional<String> first(HttpHeaders headers, String... names) {
            for (String name : names) {
                String value = headers.getHeaderString(name);
                if (value != null && !value.isBlank()) {
                    return Optional.of(value.strip());
                }
            }
            return Optional.empty();
        }

        private static String pathOf(String target) {
            try {
                String path = URI.create(target).getPath();
                return path == null || path.isEmpty() ? "/" : path;
            } catch (IllegalArgumentException malformed) {
                throw dev.latchkey.domain.error.RequestRejected.invalid("The original URI is malformed");
            }
        }
    }
}
