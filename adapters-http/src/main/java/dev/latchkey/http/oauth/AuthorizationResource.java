package dev.latchkey.http.oauth;

import dev.latchkey.domain.account.LogIn;
import dev.latchkey.domain.audit.Initiator;
import dev.latchkey.domain.auth.Principal;
import dev.latchkey.domain.error.AuthError;
import dev.latchkey.domain.error.AuthFailure;
import dev.latchkey.domain.error.RequestRejected;
import dev.latchkey.domain.external.SignInWithExternalIdentity;
import dev.latchkey.domain.oauth.AuthorizationParameters;
import dev.latchkey.domain.oauth.AuthorizationRequest;
import dev.latchkey.domain.oauth.ConsentChoices;
import dev.latchkey.domain.oauth.GrantConsent;
import dev.latchkey.domain.oauth.OAuthError;
import dev.latchkey.domain.oauth.OAuthFailure;
import dev.latchkey.domain.oauth.RedirectLocation;
import dev.latchkey.domain.oauth.TokenHashes;
import dev.latchkey.domain.oauth.ValidateAuthorizationRequest;
import dev.latchkey.domain.oauth.handoff.HandOffAuthorization;
import dev.latchkey.domain.token.AccessToken;
import dev.latchkey.domain.token.SignInSessions;
import dev.latchkey.http.auth.Public;
import dev.latchkey.http.html.FormTokens;
import dev.latchkey.http.html.HtmlPages;
import dev.latchkey.http.html.SameSiteForms;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The authorization endpoint and what the person does there: sign in (with a password or a trusted
 * issuer's token; the session is a cookie holding a Latchkey user token, HttpOnly, SameSite=Lax,
 * scoped to {@code /oauth}), then approve or deny on
 * the consent page. The authorization parameters travel through every form as hidden fields and
 * are validated again on each step, so no server-side state is kept between pages and a tampered
 * field fails like a tampered URL. The consent form carries a token derived from the session, which
 * another site can neither read nor compute.
 */
@Path("/oauth")
public final class AuthorizationResource {
    static final String SESSION_COOKIE = "latchkey_session";
    private static final List<String> PARAMETERS = List.of(
            "response_type",
            "client_id",
            "redirect_uri",
            "code_challenge",
            "code_challenge_method",
            "state",
            "scope",
            "resource");

    private final ValidateAuthorizationRequest validate;
    private final GrantConsent consent;
    private final LogIn logIn;
    private final SignInWithExternalIdentity externalSignIn;
    private final SignInSessions sessions;
    private final OAuthEndpoints endpoints;
    private final Map<String, String> scopeWords;
    private final Optional<HandOffAuthorization> handoff;

    /** With the platform's own web app signing people in and asking them ({@code oauth.consentHandoffUrl}). */
    public AuthorizationResource(
            ValidateAuthorizationRequest validate,
            GrantConsent consent,
            LogIn logIn,
            SignInWithExternalIdentity externalSignIn,
            SignInSessions sessions,
            OAuthEndpoints endpoints,
            Map<String, String> scopeWords,
            Optional<HandOffAuthorization> handoff) {
        this.validate = validate;
        this.consent = consent;
        this.logIn = logIn;
        this.externalSignIn = externalSignIn;
        this.sessions = sessions;
        this.endpoints = endpoints;
        this.scopeWords = Map.copyOf(scopeWords);
        this.handoff = handoff;
    }

    /** With Latchkey's own sign-in and consent pages. */
    public AuthorizationResource(
            ValidateAuthorizationRequest validate,
            GrantConsent consent,
            LogIn logIn,
            SignInWithExternalIdentity externalSignIn,
            SignInSessions sessions,
            OAuthEndpoints endpoints,
            Map<String, String> scopeWords) {
        this(validate, consent, logIn, externalSignIn, sessions, endpoints, scopeWords, Optional.empty());
    }

    @GET
    @Path("authorize")
    @Public
    @Produces(MediaType.TEXT_HTML)
    public Response authorize(@Context UriInfo uri, @CookieParam(SESSION_COOKIE) Cookie session) {
        return withRequest(uri.getQueryParameters(), 302, (request, parameters) -> {
            if (handoff.isPresent()) {
                return handedOff(handoff.get().start(toDomain(parameters)));
            }
            Optional<Principal> person = signedIn(session);
            if (person.isEmpty()) {
                return page(200, OAuthPages.login(request, parameters, null));
            }
            ConsentChoices choices =
                    consent.choices(request, person.get().actor().id());
            if (choices.workspaces().isEmpty()) {
                return page(
                        403,
                        OAuthPages.error(
                                "No workspace yet",
                                "Create a workspace in Latchkey first, then connect the application again."));
            }
            return page(200, OAuthPages.consent(request, choices, parameters, scopeWords, csrfToken(session)));
        });
    }

    @POST
    @Path("authorize")
    @Public
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response decide(
            MultivaluedMap<String, String> form,
            @CookieParam(SESSION_COOKIE) Cookie session,
            @Context HttpServletRequest http) {
        return withRequest(form, 303, (request, parameters) -> {
            Optional<Principal> person = signedIn(session);
            if (person.isEmpty()) {
                return page(401, OAuthPages.login(request, parameters, "Your session ended; sign in again."));
            }
            if (!FormTokens.matches(form.getFirst("csrf_token"), "consent", session.getValue())) {
                return page(
                        403,
                        OAuthPages.error(
                                "Request not accepted",
                                "This approval did not come from the consent page Latchkey showed you."));
            }
            if (!"approve".equals(form.getFirst("decision"))) {
                return Response.seeOther(URI.create(consent.deny(request))).build();
            }
            ConsentChoices choices =
                    consent.choices(request, person.get().actor().id());
            String workspace = form.getFirst("workspace");
            if (choices.workspaces().stream().noneMatch(w -> w.id().equals(workspace))) {
                return page(
                        403,
                        OAuthPages.error(
                                "Workspace not available", "You are not an active member of the chosen workspace."));
            }
            String location = consent.approve(
                    request, choices.user(), workspace, Initiator.of(person.get(), http.getRemoteAddr()));
            return Response.seeOther(URI.create(location)).build();
        });
    }

    /** The browser goes to the platform's app; a cookie only Latchkey reads binds the request to it. */
    private Response handedOff(HandOffAuthorization.Started started) {
        return Response.status(302)
                .location(URI.create(started.location()))
                .cookie(binding(
                        started.requestId(), started.browserSecret(), (int) HandOffAuthorization.LIFETIME.toSeconds()))
                .build();
    }

    /** One cookie per request (a person may connect two clients at once in one browser), on Latchkey's origin only. */
    private NewCookie binding(String requestId, String value, int maxAgeSeconds) {
        return new NewCookie.Builder(handoffCookie(requestId))
                .value(value)
                .path("/oauth/authorize")
                .maxAge(maxAgeSeconds)
                .httpOnly(true)
                .secure(endpoints.isSecure())
                .sameSite(NewCookie.SameSite.LAX)
                .build();
    }

    private static String handoffCookie(String requestId) {
        return "latchkey_authz_" + TokenHashes.of(requestId).substring(0, 16);
    }

    /**
     * The browser back from the platform's app, once the person decided there: the client's redirect,
     * with a code only if this is the browser that started and the person approved.
     */
    @GET
    @Path("authorize/resume")
    @Public
    @Produces(MediaType.TEXT_HTML)
    public Response resume(
            @QueryParam("request_id") String requestId,
            @Context HttpHeaders headers,
            @Context HttpServletRequest http) {
        if (handoff.isEmpty() || requestId == null || requestId.isBlank() || requestId.length() > 100) {
            return page(404, OAuthPages.error("Not found", "There is no authorization request to resume here."));
        }
        Optional<String> browser = Optional.ofNullable(headers.getCookies().get(handoffCookie(requestId)))
                .map(Cookie::getValue);
        try {
            String location = handoff.get().resume(requestId, browser, Optional.ofNullable(http.getRemoteAddr()));
            return Response.seeOther(URI.create(location))
                    .cookie(binding(requestId, "", 0))
                    .build();
        } catch (OAuthFailure failure) {
            return failure.redirectTo()
                    .map(to -> Response.seeOther(URI.create(RedirectLocation.ofError(failure, to, endpoints.issuer())))
                            .build())
                    .orElseGet(() ->
                            page(400, OAuthPages.error("This connection cannot be completed", failure.description())));
        }
    }

    @POST
    @Path("login")
    @Public
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response login(MultivaluedMap<String, String> form, @Context HttpServletRequest http) {
        if (SameSiteForms.crossSite(http)) {
            return page(403, SameSiteForms.refusedPage());
        }
        return withRequest(form, 303, (request, parameters) -> {
            AccessToken token;
            try {
                token = sessions.open(signIn(form, http.getRemoteAddr()));
            } catch (RequestRejected unknownIssuer) {
                return page(400, OAuthPages.login(request, parameters, unknownIssuer.getMessage()));
            } catch (AuthFailure failure) {
                if (failure.error() == AuthError.RATE_LIMITED) {
                    Response.ResponseBuilder tooMany = HtmlPages.respond(
                            429,
                            OAuthPages.login(request, parameters, "Too many attempts; wait a few minutes."),
                            HtmlPages.STRICT_POLICY);
                    failure.retryAfter()
                            .ifPresent(wait -> tooMany.header(
                                    HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, wait.toSeconds()))));
                    return tooMany.build();
                }
                if (failure.error() == AuthError.INVALID_CREDENTIALS) {
                    return page(401, OAuthPages.login(request, parameters, "The email or password is not right."));
                }
                if (failure.error() == AuthError.INVALID_JWT) {
                    return page(401, OAuthPages.login(request, parameters, "The sign-in token is not valid."));
                }
                throw failure;
            }
            NewCookie cookie = new NewCookie.Builder(SESSION_COOKIE)
                    .value(token.value())
                    .path("/oauth")
                    .httpOnly(true)
                    .secure(endpoints.isSecure())
                    .sameSite(NewCookie.SameSite.LAX)
                    .build();
            URI back = URI.create("/oauth/authorize?" + query(parameters));
            return Response.seeOther(back).cookie(cookie).build();
        });
    }

    /**
     * A password, or — for a web frontend whose people sign in with a trusted issuer (Supabase,
     * Google) — that issuer's token in {@code issuer} and {@code id_token}.
     */
    private AccessToken signIn(MultivaluedMap<String, String> form, String address) {
        String issuer = form.getFirst("issuer");
        String idToken = form.getFirst("id_token");
        if (issuer != null && idToken != null) {
            return externalSignIn.execute(issuer, idToken);
        }
        return logIn.execute(orEmpty(form.getFirst("email")), orEmpty(form.getFirst("password")), address);
    }

    private interface Step {
        Response apply(AuthorizationRequest request, Map<String, String> parameters);
    }

    /**
     * Validates the authorization parameters, then runs the step. Errors before the client and its
     * redirect URI are trusted are shown on a page; later ones go back to the client.
     */
    private Response withRequest(MultivaluedMap<String, String> source, int redirectStatus, Step step) {
        try {
            Map<String, String> parameters = authorizationParameters(source);
            return step.apply(validate.validate(toDomain(parameters)), parameters);
        } catch (OAuthFailure failure) {
            if (failure.redirectTo().isEmpty() && failure.error() == OAuthError.TEMPORARILY_UNAVAILABLE) {
                // Our own load (too many client documents being fetched), not a bad request: try again.
                return HtmlPages.respond(
                                503,
                                OAuthPages.error("Try again in a moment", failure.description()),
                                HtmlPages.STRICT_POLICY)
                        .header(HttpHeaders.RETRY_AFTER, "1")
                        .build();
            }
            return failure.redirectTo()
                    .map(to -> Response.status(redirectStatus)
                            .location(URI.create(RedirectLocation.ofError(failure, to, endpoints.issuer())))
                            .build())
                    .orElseGet(() ->
                            page(400, OAuthPages.error("This connection request is not valid", failure.description())));
        }
    }

    private static Map<String, String> authorizationParameters(MultivaluedMap<String, String> source) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String name : PARAMETERS) {
            List<String> values = source.get(name);
            if (values == null || values.isEmpty()) {
                continue;
            }
            if (values.size() > 1) {
                throw new OAuthFailure(OAuthError.INVALID_REQUEST, name + " must not be repeated");
            }
            parameters.put(name, values.get(0));
        }
        return parameters;
    }

    private static AuthorizationParameters toDomain(Map<String, String> p) {
        Function<String, Optional<String>> get = name -> Optional.ofNullable(p.get(name));
        return new AuthorizationParameters(
                get.apply("response_type"),
                get.apply("client_id"),
                get.apply("redirect_uri"),
                get.apply("code_challenge"),
                get.apply("code_challenge_method"),
                get.apply("state"),
                get.apply("scope"),
                get.apply("resource"));
    }

    private Optional<Principal> signedIn(Cookie session) {
        if (session == null || session.getValue() == null || session.getValue().isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(sessions.verify(session.getValue()));
        } catch (AuthFailure failure) {
            if (failure.error() == AuthError.IDENTITY_PROVIDER_UNAVAILABLE) {
                throw failure;
            }
            return Optional.empty();
        }
    }

    private static String csrfToken(Cookie session) {
        return FormTokens.of("consent", session.getValue());
    }

    private static String query(Map<String, String> parameters) {
        StringBuilder query = new StringBuilder();
        parameters.forEach((name, value) -> query.append(query.length() == 0 ? "" : "&")
                .append(name)
                .append('=')
                .append(java.net.URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return query.toString();
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    private static Response page(int status, String html) {
        return HtmlPages.respond(status, html, HtmlPages.STRICT_POLICY).build();
    }
}
