package dev.latchkey.http.authz;

import dev.latchkey.domain.auth.Principal;
import dev.latchkey.domain.error.AuthFailure;
import dev.latchkey.domain.error.RequestRejected;
import dev.latchkey.domain.route.DecideAccess;
import dev.latchkey.domain.route.RouteTable;
import dev.latchkey.http.auth.CredentialParser;
import dev.latchkey.http.auth.Public;
import dev.latchkey.http.auth.RateLimitHeaders;
import dev.latchkey.http.problem.ErrorStatus;
import dev.latchkey.http.problem.Refusals;
import jakarta.servlet.http.HttpServletResponse;
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
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The forward-auth decision endpoint for nginx {@code auth_request}, Traefik ForwardAuth and Envoy
 * {@code ext_authz} (HTTP): the original method and URI come from the proxy's headers, the decision
 * from the route table, and the answer is 200 with identity headers for the upstream, or the exact
 * problem the caller should see. It asks the same decision as Latchkey's own API, with the
 * posture from the route table, hence {@code @Public} here.
 */
@Path("/authz/check{original: (/.*)?}")
public final class AuthzCheckResource {
    /** Set by a proxy whose auth subrequests can relay only 401 and 403 (nginx {@code auth_request}). */
    static final String SUBREQUEST = "X-Latchkey-Subrequest";
    /** The status Latchkey would have answered, on a subrequest denial. */
    static final String STATUS = "X-Latchkey-Status";

    private final RouteTable routes;
    private final DecideAccess decide;
    private final ForwardAuthProxy proxy;
    private final Refusals refusals;

    /**
     * @param decide the guarded APIs' decision, which signs the {@code X-Latchkey-Principal} header
     *     of an allowed request
     * @param proxy the proxy in front, whose header family alone says which request is asked about
     * @param refusals renders a refusal, its challenge naming the original path's protected resource
     */
    public AuthzCheckResource(RouteTable routes, DecideAccess decide, ForwardAuthProxy proxy, Refusals refusals) {
        this.routes = routes;
        this.decide = decide;
        this.proxy = proxy;
        this.refusals = refusals;
    }

    @GET
    @Public
    public Response get(@Context ContainerRequestContext request, @Context HttpServletResponse response) {
        return check(request, response);
    }

    @POST
    @Public
    public Response post(@Context ContainerRequestContext request, @Context HttpServletResponse response) {
        return check(request, response);
    }

    @PUT
    @Public
    public Response put(@Context ContainerRequestContext request, @Context HttpServletResponse response) {
        return check(request, response);
    }

    @PATCH
    @Public
    public Response patch(@Context ContainerRequestContext request, @Context HttpServletResponse response) {
        return check(request, response);
    }

    @DELETE
    @Public
    public Response delete(@Context ContainerRequestContext request, @Context HttpServletResponse response) {
        return check(request, response);
    }

    @HEAD
    @Public
    public Response head(@Context ContainerRequestContext request, @Context HttpServletResponse response) {
        return check(request, response);
    }

    @OPTIONS
    @Public
    public Response options(@Context ContainerRequestContext request, @Context HttpServletResponse response) {
        return check(request, response);
    }

    /**
     * Two injected contexts rather than headers, request and URI separately: Jersey resolves each
     * {@code @Context} parameter per call, and on this endpoint that was a tenth of the request's
     * cost. Identity headers go straight onto the servlet response: through Jersey's header map, the
     * dozen headers of an allowed decision cost about 7 % of the endpoint's throughput.
     */
    private Response check(ContainerRequestContext request, HttpServletResponse response) {
        String subrequestHeader = request.getHeaderString(SUBREQUEST);
        boolean subrequest = subrequestHeader != null && !subrequestHeader.isBlank();
        DecideAccess.Decision decision;
        try {
            ForwardAuthProxy.OriginalRequest original = proxy.read(request);
            RouteTable.Route route = routes.match(original.method(), original.path());
            try {
                decision = decide.decide(
                        route.posture(),
                        route.parameters(),
                        new DecideAccess.Request(
                                original.method(),
                                original.host(),
                                original.path(),
                                CredentialParser.parse(request.getHeaders(), CredentialParser.sourceOf(request)),
                                actionFacts(request)));
            } catch (AuthFailure failure) {
                // Answered here rather than rethrown, and written straight out: a common answer for a
                // proxy, without Jersey's exception mapping and entity pipeline.
                return subrequest
                        ? relayable(ErrorStatus.of(failure.error()))
                        : refusals.writeTo(response, failure, original.host(), original.path());
            }
        } catch (RequestRejected rejected) {
            if (subrequest) {
                return relayable(ErrorStatus.of(rejected.error()));
            }
            throw rejected;
        }
        decision.principal().ifPresent(principal -> identityHeaders(response, principal));
        decision.assertion().ifPresent(assertion -> response.setHeader("X-Latchkey-Principal", assertion));
        decision.allowance().ifPresent(allowance -> RateLimitHeaders.write(response, allowance));
        // Forward-auth never sees the body: the upstream compares this with the SHA-256 of the body it got.
        decision.approvedBodySha256().ifPresent(hash -> response.setHeader("X-Latchkey-Approved-Body-SHA256", hash));
        return Response.ok().build();
    }

    /**
     * A denial a subrequest can carry: 401 stays 401, anything else becomes 403, with the real
     * status alongside. The proxy then asks again outside the subrequest for the full answer.
     */
    private static Response relayable(int status) {
        return Response.status(status == 401 ? 401 : 403)
                .header(STATUS, Integer.toString(status))
                .build();
    }

    /**
     * What a sensitive action is bound to. Forward-auth never sees the body, so the caller declares
     * its SHA-256 in {@code X-Latchkey-Body-SHA256} and the upstream must check the body against it.
     */
    private static DecideAccess.ActionFacts actionFacts(ContainerRequestContext request) {
        String declared = request.getHeaderString("X-Latchkey-Body-SHA256");
        if (declared != null && !declared.strip().matches("[0-9a-fA-F]{64}")) {
            throw RequestRejected.invalid("X-Latchkey-Body-SHA256 must be 64 hex digits");
        }
        return new DecideAccess.ActionFacts(
                declared == null
                        ? DecideAccess.ActionFacts.EMPTY_BODY
                        : declared.strip().toLowerCase(java.util.Locale.ROOT),
                Optional.ofNullable(request.getHeaderString("X-Latchkey-Approval"))
                        .map(String::strip));
    }

    /** Facts for the upstream; a proxy must strip any copies the caller sent (see docs). */
    private static void identityHeaders(HttpServletResponse response, Principal principal) {
        response.setHeader("X-Latchkey-Actor", principal.actor().id());
        response.setHeader("X-Latchkey-Actor-Kind", principal.actor().kind().wireName());
        response.setHeader("X-Latchkey-Tenant", principal.tenantId().orElse(""));
        response.setHeader("X-Latchkey-Role", principal.actor().role());
        response.setHeader("X-Latchkey-Scopes", principal.scopes().toSpaceSeparated());
        response.setHeader(
                "X-Latchkey-Owner-Scopes",
                principal.actor().ownerScopes().isEmpty()
                        ? ""
                        : String.join(" ", new TreeSet<>(principal.actor().ownerScopes())));
        response.setHeader(
                "X-Latchkey-Credential-Kind", principal.credentialKind().wireName());
        response.setHeader("X-Latchkey-Credential-Id", principal.credentialId());
        principal.impersonator().ifPresent(who -> response.setHeader("X-Latchkey-Impersonator", who));
    }
}
