package dev.latchkey.http.authz;

import dev.latchkey.domain.auth.PresentedCredential;
import dev.latchkey.domain.auth.Principal;
import dev.latchkey.domain.error.AuthFailure;
import dev.latchkey.domain.error.RequestRejected;
import dev.latchkey.domain.route.DecideAccess;
import dev.latchkey.domain.route.RouteTable;
import dev.latchkey.http.ClientAddresses;
import dev.latchkey.http.ServletAnswers;
import dev.latchkey.http.ServletHeaders;
import dev.latchkey.http.auth.CredentialParser;
import dev.latchkey.http.auth.RateLimitHeaders;
import dev.latchkey.http.openapi.ServletRoute;
import dev.latchkey.http.problem.ErrorStatus;
import dev.latchkey.http.problem.Refusals;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The forward-auth decision endpoint for nginx {@code auth_request}, Traefik ForwardAuth and Envoy
 * {@code ext_authz} (HTTP): the original method and URI come from the proxy's headers, the decision
 * from the route table, and the answer is 200 with identity headers for the upstream, or the exact
 * problem the caller should see. It asks the same decision as Latchkey's own API, with the
 * posture from the route table.
 *
 * <p>A plain servlet, not a JAX-RS resource: it sits on every request of every API it guards, and
 * Jersey's pipeline cost more than the decision itself (docs/performance.md). The servlet filters
 * (client addresses, request ids, unread bodies), the request log and Jetty's metrics still apply.
 */
public final class AuthzCheckServlet extends HttpServlet {
    /** Where it answers: Envoy asks at the prefix followed by the original path. */
    public static final String PATH = "/authz/check";

    /** For the OpenAPI document: any method, public (the route table decides). */
    public static final List<ServletRoute> ROUTES = List.of(
            new ServletRoute(PATH, ServletRoute.ANY_METHOD, "AuthzCheck", List.of(), List.of()),
            new ServletRoute(PATH + "/{original}", ServletRoute.ANY_METHOD, "AuthzCheck", List.of(), List.of()));

    /** Set by a proxy whose auth subrequests can relay only 401 and 403 (nginx {@code auth_request}). */
    static final String SUBREQUEST = "X-Latchkey-Subrequest";
    /** The status Latchkey would have answered, on a subrequest denial. */
    static final String STATUS = "X-Latchkey-Status";

    private final transient RouteTable routes;
    private final transient DecideAccess decide;
    private final ForwardAuthProxy proxy;
    private final transient Refusals refusals;

    /**
     * @param decide the guarded APIs' decision, which signs the {@code X-Latchkey-Principal} header
     *     of an allowed request
     * @param proxy the proxy in front, whose header family alone says which request is asked about
     * @param refusals renders a refusal, its challenge naming the original path's protected resource
     */
    public AuthzCheckServlet(RouteTable routes, DecideAccess decide, ForwardAuthProxy proxy, Refusals refusals) {
        this.routes = routes;
        this.decide = decide;
        this.proxy = proxy;
        this.refusals = refusals;
    }

    /** Every method is a question about a request with that method (Envoy asks with the original one). */
    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String subrequestHeader = request.getHeader(SUBREQUEST);
        boolean subrequest = subrequestHeader != null && !subrequestHeader.isBlank();
        try {
            check(request, response, subrequest);
        } catch (RequestRejected rejected) {
            if (subrequest) {
                relayable(response, ErrorStatus.of(rejected.error()));
            } else {
                ServletAnswers.failure(response, rejected, false);
            }
        } catch (RuntimeException failure) {
            ServletAnswers.failure(response, failure, false);
        }
    }

    private void check(HttpServletRequest request, HttpServletResponse response, boolean subrequest)
            throws IOException {
        ForwardAuthProxy.OriginalRequest original = proxy.read(request);
        RouteTable.Route route = routes.match(original.method(), original.path());
        DecideAccess.Decision decision;
        try {
            decision = decide.decide(
                    route.posture(),
                    route.parameters(),
                    new DecideAccess.Request(
                            original.method(),
                            original.host(),
                            original.path(),
                            CredentialParser.parse(name -> ServletHeaders.values(request, name), sourceOf(request)),
                            actionFacts(request)));
        } catch (AuthFailure failure) {
            if (subrequest) {
                relayable(response, ErrorStatus.of(failure.error()));
            } else {
                refusals.write(response, failure, original.host(), original.path());
            }
            return;
        }
        decision.principal().ifPresent(principal -> identityHeaders(response, principal));
        decision.assertion().ifPresent(assertion -> response.setHeader("X-Latchkey-Principal", assertion));
        decision.allowance().ifPresent(allowance -> RateLimitHeaders.write(response, allowance));
        // Forward-auth never sees the body: the upstream compares this with the SHA-256 of the body it got.
        decision.approvedBodySha256().ifPresent(hash -> response.setHeader("X-Latchkey-Approved-Body-SHA256", hash));
        response.setStatus(200);
        response.setContentLength(0);
    }

    private static String sourceOf(HttpServletRequest request) {
        Object address = request.getAttribute(ClientAddresses.ATTRIBUTE);
        return address instanceof String text ? text : PresentedCredential.ApiKeyHeader.UNKNOWN_SOURCE;
    }

    /**
     * A denial a subrequest can carry: 401 stays 401, anything else becomes 403, with the real
     * status alongside. The proxy then asks again outside the subrequest for the full answer.
     */
    private static void relayable(HttpServletResponse response, int status) {
        response.setStatus(status == 401 ? 401 : 403);
        response.setHeader(STATUS, Integer.toString(status));
        response.setContentLength(0);
    }

    /**
     * What a sensitive action is bound to. Forward-auth never sees the body, so the caller declares
     * its SHA-256 in {@code X-Latchkey-Body-SHA256} and the upstream must check the body against it.
     * Either header sent twice is refused: the upstream might read the other copy.
     */
    private static DecideAccess.ActionFacts actionFacts(HttpServletRequest request) {
        Optional<String> declared = single(request, "X-Latchkey-Body-SHA256");
        if (declared.isPresent() && !declared.get().matches("[0-9a-fA-F]{64}")) {
            throw RequestRejected.invalid("X-Latchkey-Body-SHA256 must be 64 hex digits");
        }
        return new DecideAccess.ActionFacts(
                declared.map(hash -> hash.toLowerCase(Locale.ROOT)).orElse(DecideAccess.ActionFacts.EMPTY_BODY),
                single(request, "X-Latchkey-Approval"));
    }

    private static Optional<String> single(HttpServletRequest request, String name) {
        List<String> values = ServletHeaders.values(request, name);
        if (values.size() > 1) {
            throw RequestRejected.invalid(name + " is repeated: refused rather than guessed");
        }
        return values.stream().findFirst().map(String::strip);
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
