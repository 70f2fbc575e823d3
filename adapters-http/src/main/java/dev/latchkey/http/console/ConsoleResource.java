package dev.latchkey.http.console;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.latchkey.domain.account.LogIn;
import dev.latchkey.domain.error.AuthError;
import dev.latchkey.domain.error.AuthFailure;
import dev.latchkey.domain.token.AccessToken;
import dev.latchkey.domain.token.SignInSessions;
import dev.latchkey.domain.token.SignInSessions.Resumed;
import dev.latchkey.http.auth.Public;
import dev.latchkey.http.console.LatchkeyApiClient.Answer;
import dev.latchkey.http.html.FormTokens;
import dev.latchkey.http.html.HtmlPages;
import dev.latchkey.http.html.SameSiteForms;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The web console for workspace admins at {@code /console}: server-rendered pages over Latchkey's
 * own HTTP API. The cookie holds a sign-in session (HttpOnly, SameSite=Strict, path
 * {@code /console}; {@link SignInSessions}: idle and absolute timeouts, refused as an API bearer),
 * renewed on every page view; every form carries a token derived from the session's id. Pages do
 * their own session check, hence {@code @Public}; every action is an API call with a short-lived
 * token minted for the person for that request, so the API's scopes decide what the console may do.
 */
@Path("/console")
public final class ConsoleResource {
    static final String COOKIE = "latchkey_console";
    private static final String SCRIPT = loadScript();

    private final LatchkeyApiClient api;
    private final LogIn logIn;
    private final SignInSessions sessions;
    private final boolean secureCookies;

    /**
     * @param logIn signs people in directly, not through the loopback API, so that failed-login
     *     limits see each person's own address rather than the console's
     */
    public ConsoleResource(
            Supplier<URI> apiBase, ObjectMapper json, LogIn logIn, SignInSessions sessions, boolean secureCookies) {
        this.api = new LatchkeyApiClient(apiBase, json);
        this.logIn = logIn;
        this.sessions = sessions;
        this.secureCookies = secureCookies;
    }

    @GET
    @Public
    @Produces(MediaType.TEXT_HTML)
    public Response home(@CookieParam(COOKIE) Cookie session) {
        return Response.seeOther(URI.create(session == null ? "/console/login" : "/console/keys"))
                .build();
    }

    @GET
    @Path("login")
    @Public
    @Produces(MediaType.TEXT_HTML)
    public Response loginPage() {
        return HtmlPages.respond(200, ConsolePages.login(null), HtmlPages.STRICT_POLICY)
                .build();
    }

    @POST
    @Path("login")
    @Public
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response login(MultivaluedMap<String, String> form, @Context HttpServletRequest http) {
        if (SameSiteForms.crossSite(http)) {
            return HtmlPages.respond(403, SameSiteForms.refusedPage(), HtmlPages.STRICT_POLICY)
                    .build();
        }
        AccessToken token;
        try {
            token = logIn.execute(value(form, "email"), value(form, "password"), http.getRemoteAddr());
        } catch (AuthFailure failure) {
            boolean throttled = failure.error() == AuthError.RATE_LIMITED;
            return HtmlPages.respond(
                            throttled ? 429 : 401,
                            ConsolePages.login(
                                    throttled
                                            ? "Too many attempts; wait a few minutes."
                                            : "The email or password is not right."),
                            HtmlPages.STRICT_POLICY)
                    .build();
        }
        return Response.seeOther(URI.create("/console/keys"))
                .cookie(cookie(sessions.open(token).value(), -1))
                .build();
    }

    private NewCookie cookie(String value, int maxAge) {
        return new NewCookie.Builder(COOKIE)
                .value(value)
                .path("/console")
                .maxAge(maxAge)
                .httpOnly(true)
                .secure(secureCookies)
                .sameSite(NewCookie.SameSite.STRICT)
                .build();
    }

    /** The request's live session, renewed; empty when there is none (sign in again). */
    private Optional<Resumed> resume(Cookie session) {
        if (session == null || session.getValue() == null || session.getValue().isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(sessions.resume(session.getValue()));
        } catch (AuthFailure failure) {
            if (failure.error() == AuthError.IDENTITY_PROVIDER_UNAVAILABLE) {
                throw failure;
            }
            return Optional.empty();
        }
    }

    private static Response signInAgain() {
        return Response.seeOther(URI.create("/console/login")).build();
    }

    @POST
    @Path("logout")
    @Public
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response logout(MultivaluedMap<String, String> form, @CookieParam(COOKIE) Cookie session) {
        Optional<Resumed> live = resume(session);
        if (live.isPresent() && csrfMatches(form, live.get())) {
            sessions.end(session.getValue());
        }
        return Response.seeOther(URI.create("/console/login"))
                .cookie(cookie("", 0))
                .build();
    }

    @GET
    @Path("assets/console.js")
    @Public
    @Produces("text/javascript")
    public Response script() {
        return Response.ok(SCRIPT).header("Cache-Control", "max-age=3600").build();
    }

    @GET
    @Path("{section}")
    @Public
    @Produces(MediaType.TEXT_HTML)
    public Response section(
            @PathParam("section") String section,
            @QueryParam("action") String actionFilter,
            @CookieParam(COOKIE) Cookie session) {
        return resume(session)
                .map(live -> page(section, live, actionFilter, Outcome.NONE))
                .orElseGet(ConsoleResource::signInAgain);
    }

    @POST
    @Path("{section}/{action}")
    @Public
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response act(
            @PathParam("section") String section,
            @PathParam("action") String action,
            MultivaluedMap<String, String> form,
            @CookieParam(COOKIE) Cookie session) {
        return actOn(section, null, action, form, session);
    }

    @POST
    @Path("{section}/{id}/{action}")
    @Public
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response actOnItem(
            @PathParam("section") String section,
            @PathParam("id") String id,
            @PathParam("action") String action,
            MultivaluedMap<String, String> form,
            @CookieParam(COOKIE) Cookie session) {
        return actOn(section, id, action, form, session);
    }

    private Response actOn(
            String section, String id, String action, MultivaluedMap<String, String> form, Cookie cookie) {
        Optional<Resumed> live = resume(cookie);
        if (live.isEmpty()) {
            return signInAgain();
        }
        Resumed session = live.get();
        if (!csrfMatches(form, session)) {
            return HtmlPages.respond(
                            403,
                            HtmlPages.document(
                                    "Request not accepted",
                                    "<h1>Request not accepted</h1>"
                                            + "<p class=\"error\">This form did not come from the console.</p>"),
                            HtmlPages.STRICT_POLICY)
                    .build();
        }
        ConsoleApi api = new ConsoleApi(this.api, session.apiToken().value());
        // An action posted without its item names none: the API answers it as not found, never a 500.
        id = id == null ? "" : id;
        Answer answer = switch (section + "/" + action) {
            case "keys/create" -> api.createApiKey(keyRequest(form));
            case "keys/revoke" -> api.revokeApiKey(id);
            case "keys/roll" -> api.rollApiKey(id);
            case "clients/create" -> api.createMachineClient(keyRequest(form));
            case "clients/delete" -> api.deleteMachineClient(id);
            case "members/invite" -> api.invite(value(form, "email"), value(form, "role"));
            case "members/role" -> api.changeRole(id, value(form, "role"));
            case "members/remove" -> api.removeMember(id);
            case "policies/approve", "policies/reject" -> api.decidePolicy(id, action);
            case "approvals/approve", "approvals/reject" -> api.decideApproval(id, action, value(form, "reason"));
            case "grants/revoke" -> api.revokeGrant(id);
            case "grants/create" -> api.createGrant(value(form, "workload_id"), words(value(form, "scopes")));
            case "workloads/register" -> api.registerWorkload(value(form, "name"));
            case "policies/propose" -> api.proposePolicy(value(form, "workload_id"), words(value(form, "scopes")));
            case "connections/revoke" -> api.disconnect(id);
            case "actors/save" -> api.saveMapping(mappingRequest(form));
            default -> new Answer(404, Map.of("detail", "No such console action", "code", "not_found"));
        };
        String shown = switch (section) {
            case "policies", "approvals", "workloads" -> "agents";
            default -> section;
        };
        if (answer.status() == 401) {
            return Response.seeOther(URI.create("/console/login")).build();
        }
        if (answer.ok() && answer.body().get("key") instanceof String secret) {
            return page(
                    shown,
                    session,
                    null,
                    new Outcome(null, false, "Key \"" + answer.body().get("name") + "\"", secret));
        }
        if (answer.ok() && answer.body().get("client_secret") instanceof String secret) {
            return page(
                    shown,
                    session,
                    null,
                    new Outcome(
                            null,
                            false,
                            "Secret of machine client " + answer.body().get("client_name") + " ("
                                    + answer.body().get("client_id") + ")",
                            secret));
        }
        if (answer.ok() && answer.body().get("secret") instanceof String secret) {
            return page(
                    shown,
                    session,
                    null,
                    new Outcome(
                            null, false, "Secret of workload " + answer.body().get("id"), secret));
        }
        return page(
                shown,
                session,
                null,
                new Outcome(answer.ok() ? "Done." : "Not done: " + answer.problem(), !answer.ok(), null, null));
    }

    /** What the page says about the last action, and a secret to show this once. */
    private record Outcome(String notice, boolean error, String secretLabel, String secret) {
        static final Outcome NONE = new Outcome(null, false, null, null);
    }

    private Response page(String section, Resumed session, String filter, Outcome outcome) {
        if (!ConsolePages.SECTIONS.contains(section)) {
            return HtmlPages.respond(
                            404, HtmlPages.document("Not found", "<h1>Not found</h1>"), HtmlPages.STRICT_POLICY)
                    .build();
        }
        ConsoleApi api = new ConsoleApi(this.api, session.apiToken().value());
        Answer me = api.whoAmI();
        if (me.status() == 401) {
            return signInAgain();
        }
        ConsolePages page = new ConsolePages(csrfToken(session))
                .nav(section)
                .heading(ConsolePages.title(section))
                .signedIn(
                        whoIs(api, String.valueOf(me.body().get("actor_id"))),
                        String.valueOf(me.body().get("actor_id")),
                        String.valueOf(me.body().get("role")),
                        workspaceName(api),
                        String.valueOf(me.body().get("tenant_id")))
                .notice(outcome.notice(), outcome.error());
        if (outcome.secret() != null) {
            page.secret(outcome.secretLabel(), outcome.secret());
        }
        new ConsoleSections(api, page).render(section, filter);
        return HtmlPages.respond(200, page.render(ConsolePages.title(section)), HtmlPages.CONSOLE_POLICY)
                .cookie(cookie(session.renewed().value(), -1))
                .build();
    }

    /** The workspace's name; "this workspace" when it cannot be read. */
    private static String workspaceName(ConsoleApi api) {
        Answer workspace = api.currentWorkspace();
        return workspace.ok() && workspace.body().get("name") != null
                ? String.valueOf(workspace.body().get("name"))
                : "this workspace";
    }

    /** The signed-in person's address, from the members list; their id when it cannot be read. */
    private static String whoIs(ConsoleApi api, String actorId) {
        Answer members = api.members();
        if (members.ok() && members.body().get("data") instanceof List<?> rows) {
            for (Object row : rows) {
                if (row instanceof Map<?, ?> member && actorId.equals(String.valueOf(member.get("user_id")))) {
                    return String.valueOf(member.get("email"));
                }
            }
        }
        return actorId;
    }

    private static Map<String, Object> keyRequest(MultivaluedMap<String, String> form) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("name", value(form, "name"));
        List<String> scopes = words(value(form, "scopes"));
        if (!scopes.isEmpty()) {
            request.put("scopes", scopes);
        }
        return request;
    }

    private static Map<String, Object> mappingRequest(MultivaluedMap<String, String> form) {
        Map<String, Object> request = new LinkedHashMap<>();
        for (String field : List.of("subject", "kind", "role", "status")) {
            String v = value(form, field).strip();
            if (!v.isEmpty()) {
                request.put(field, v);
            }
        }
        String owners = value(form, "owner_scopes").strip();
        request.put(
                "owner_scopes", owners.isEmpty() ? List.of() : new ArrayList<>(Arrays.asList(owners.split("\\s+"))));
        return request;
    }

    private static List<String> words(String text) {
        return text.isBlank() ? List.of() : Arrays.asList(text.strip().split("\\s+"));
    }

    private static String value(MultivaluedMap<String, String> form, String name) {
        String v = form == null ? null : form.getFirst(name);
        return v == null ? "" : v;
    }

    /** From the session's id, which renewals keep: a form stays good while its session lives. */
    private static String csrfToken(Resumed session) {
        return FormTokens.of("console", session.sessionId());
    }

    private static boolean csrfMatches(MultivaluedMap<String, String> form, Resumed session) {
        return FormTokens.matches(value(form, "csrf_token"), "console", session.sessionId());
    }

    private static String loadScript() {
        try (InputStream in = ConsoleResource.class.getResourceAsStream("/console/console.js")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
