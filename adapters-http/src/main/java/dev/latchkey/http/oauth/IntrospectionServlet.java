package dev.latchkey.http.oauth;

import dev.latchkey.domain.auth.Principal;
import dev.latchkey.domain.oauth.OAuthFailure;
import dev.latchkey.domain.oauth.introspection.IntrospectToken;
import dev.latchkey.domain.oauth.introspection.Introspection;
import dev.latchkey.http.ServletAnswers;
import dev.latchkey.http.openapi.ServletRoute;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Token introspection (RFC 7662) for registered resource servers. The answer's standard members are
 * RFC 7662 §2.2's, with no null among them: {@code active}, {@code sub} (the actor, as identity
 * headers name it; for a delegated token the person), {@code client_id}, {@code scope}, {@code aud} (the resource a token is bound to),
 * {@code exp}, {@code iat}, {@code token_type}; then Latchkey's: {@code tenant_id}, {@code
 * actor_kind}, {@code credential_kind}, {@code role}, and for a delegated token {@code grant_id} and
 * {@code act} — for a delegated token {@code sub} is the person it acts for and {@code act} the
 * workload acting (with, nested, each workload that handed it on), as the token itself says.
 */
public final class IntrospectionServlet extends HttpServlet {
    public static final String PATH = "/oauth/introspect";

    /** For the OpenAPI document. */
    public static final List<ServletRoute> ROUTES = List.of(new ServletRoute(
            PATH,
            List.of("POST"),
            "Introspection",
            List.of(MediaType.APPLICATION_FORM_URLENCODED),
            List.of(MediaType.APPLICATION_JSON)));

    private final transient IntrospectToken introspect;

    public IntrospectionServlet(IntrospectToken introspect) {
        this.introspect = introspect;
    }

    /**
     * A plain servlet, not a JAX-RS resource: resource servers ask on every request they serve, and
     * through Jersey (form parsing, entity pipeline) an answer cost five times a forward-auth
     * decision (docs/performance.md). Errors answer as the JAX-RS endpoints' do: RFC 6749 §5.2
     * objects for OAuth failures, problem documents for a wrong method or media type.
     */
    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            if (ServletAnswers.refusedUnlessPosted(request, response, MediaType.APPLICATION_FORM_URLENCODED)) {
                return;
            }
            String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
            try {
                MultivaluedMap<String, String> form = OAuthResponses.form(request);
                Introspection answer = introspect.introspect(
                        ClientCredentialsParser.parse(authorization, form),
                        ClientCredentialsParser.single(form, "token"));
                OAuthResponses.noStore(response);
                ServletAnswers.json(response, 200, view(answer));
            } catch (OAuthFailure failure) {
                ServletAnswers.write(response, OAuthResponses.error(failure, OAuthResponses.usesBasic(authorization)));
            }
        } catch (RuntimeException failure) {
            ServletAnswers.failure(response, failure, true);
        }
    }

    static Map<String, Object> view(Introspection introspection) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("active", introspection.isActive());
        introspection.principal().ifPresent(principal -> describe(principal, view));
        return view;
    }

    private static void describe(Principal principal, Map<String, Object> view) {
        // A delegated token's subject is the person it acts for, its actor the workload (RFC 8693 §4.1).
        view.put("sub", principal.origin().onBehalfOf().orElse(principal.actor().id()));
        principal.origin().clientId().ifPresent(id -> view.put("client_id", id));
        view.put("scope", principal.scopes().toSpaceSeparated());
        principal.audience().ifPresent(resource -> view.put("aud", resource));
        principal.credentialExpiresAt().ifPresent(at -> view.put("exp", seconds(at)));
        principal.origin().issuedAt().ifPresent(at -> view.put("iat", seconds(at)));
        view.put("token_type", "Bearer");
        principal.tenantId().ifPresent(tenant -> view.put("tenant_id", tenant));
        view.put("actor_kind", principal.actor().kind().wireName());
        view.put("credential_kind", principal.credentialKind().wireName());
        view.put("role", principal.actor().role());
        principal.grantId().ifPresent(grant -> view.put("grant_id", grant));
        principal.origin().onBehalfOf().ifPresent(person -> view.put("act", actChain(principal)));
        principal.impersonator().ifPresent(who -> view.put("impersonated_by", who));
    }

    /** RFC 8693 §4.1.1: the current actor outermost, each workload that handed the token on nested within. */
    private static Map<String, Object> actChain(Principal principal) {
        Map<String, Object> act = null;
        for (String workload : principal.origin().delegatedThrough()) {
            act = act == null ? Map.of("sub", workload) : Map.of("sub", workload, "act", act);
        }
        return act == null
                ? Map.of("sub", principal.actor().id())
                : Map.of("sub", principal.actor().id(), "act", act);
    }

    private static long seconds(Instant instant) {
        return instant.getEpochSecond();
    }
}
