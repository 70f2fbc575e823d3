package dev.latchkey.http.oauth;

import dev.latchkey.domain.error.AuthError;
import dev.latchkey.domain.error.AuthFailure;
import dev.latchkey.domain.oauth.ClientCredentials;
import dev.latchkey.domain.oauth.IssueOAuthTokens;
import dev.latchkey.domain.oauth.IssuedTokens;
import dev.latchkey.domain.oauth.OAuthFailure;
import dev.latchkey.domain.oauth.RevokeOAuthToken;
import dev.latchkey.domain.oauth.TokenRequest;
import dev.latchkey.domain.oauth.exchange.ExchangeForWorkloadToken;
import dev.latchkey.domain.workloadtoken.IssueWorkloadToken;
import dev.latchkey.http.CorsFilter;
import dev.latchkey.http.ServletAnswers;
import dev.latchkey.http.openapi.ServletRoute;
import dev.latchkey.http.problem.OAuthErrorBodies;
import dev.latchkey.http.problem.Refusals;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The token endpoint (RFC 6749 §3.2) and the revocation endpoint (RFC 7009), as a plain servlet: a
 * machine client may ask for a token per job, and through Jersey half of a token's cost was the
 * JAX-RS pipeline (docs/performance.md). Answers are the JAX-RS endpoints': RFC 6749 §5.2 error
 * objects, never cached, no null member; problem documents for a wrong method or media type; CORS
 * for browser-based MCP clients as {@link CorsFilter} gives every other public endpoint.
 */
public final class TokenServlet extends HttpServlet {
    public static final String TOKEN_PATH = "/oauth/token";
    public static final String REVOKE_PATH = "/oauth/revoke";

    /** For the OpenAPI document. */
    public static final List<ServletRoute> ROUTES = List.of(
            new ServletRoute(
                    TOKEN_PATH,
                    List.of("POST"),
                    "Token",
                    List.of(MediaType.APPLICATION_FORM_URLENCODED),
                    List.of(MediaType.APPLICATION_JSON)),
            new ServletRoute(
                    REVOKE_PATH, List.of("POST"), "Token", List.of(MediaType.APPLICATION_FORM_URLENCODED), List.of()));

    private final transient IssueOAuthTokens issueTokens;
    private final transient RevokeOAuthToken revokeToken;
    private final transient Optional<ExchangeForWorkloadToken> exchange;
    private final transient Refusals refusals;

    /** @param exchange RFC 8693 token exchange for workloads; without it the grant type is unsupported */
    public TokenServlet(
            IssueOAuthTokens issueTokens,
            RevokeOAuthToken revokeToken,
            Optional<ExchangeForWorkloadToken> exchange,
            Refusals refusals) {
        this.issueTokens = issueTokens;
        this.revokeToken = revokeToken;
        this.exchange = exchange;
        this.refusals = refusals;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getServletPath();
        try {
            if (CorsFilter.answeredForServlet(request, response)
                    || ServletAnswers.refusedUnlessPosted(request, response, MediaType.APPLICATION_FORM_URLENCODED)) {
                return;
            }
            String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
            try {
                MultivaluedMap<String, String> form = OAuthResponses.form(request);
                ClientCredentials credentials = ClientCredentialsParser.parse(authorization, form);
                if (REVOKE_PATH.equals(path)) {
                    revokeToken.revoke(credentials, single(form, "token"), single(form, "token_type_hint"));
                    OAuthResponses.noStore(response);
                    response.setStatus(200);
                    response.setContentLength(0);
                } else {
                    Map<String, Object> issued = token(credentials, form);
                    OAuthResponses.noStore(response); // only on success: every failure's answer carries its own
                    ServletAnswers.json(response, 200, issued);
                }
            } catch (OAuthFailure failure) {
                ServletAnswers.write(response, OAuthResponses.error(failure, OAuthResponses.usesBasic(authorization)));
            }
        } catch (AuthFailure failure) {
            if (failure.error() == AuthError.IDENTITY_PROVIDER_UNAVAILABLE) {
                ServletAnswers.write(response, OAuthErrorBodies.temporarilyUnavailable(failure.getMessage()));
            } else {
                refusals.write(response, failure, Optional.empty(), path);
            }
        } catch (RuntimeException failure) {
            ServletAnswers.failure(response, failure, true);
        }
    }

    private Map<String, Object> token(ClientCredentials credentials, MultivaluedMap<String, String> form) {
        boolean exchanging = single(form, "grant_type")
                .filter(ExchangeForWorkloadToken.GRANT_TYPE::equals)
                .isPresent();
        if (exchanging && exchange.isPresent()) {
            // The workload is not an OAuth client: it proves itself with its actor_token, not here.
            return exchanged(exchange.get(), credentials, form);
        }
        TokenRequest request = new TokenRequest(
                single(form, "grant_type"),
                single(form, "code"),
                single(form, "redirect_uri"),
                single(form, "code_verifier"),
                single(form, "refresh_token"),
                single(form, "scope"),
                single(form, "resource"));
        return view(issueTokens.issue(credentials, request));
    }

    private static Optional<String> single(MultivaluedMap<String, String> form, String name) {
        return ClientCredentialsParser.single(form, name);
    }

    private static Map<String, Object> exchanged(
            ExchangeForWorkloadToken exchange, ClientCredentials credentials, MultivaluedMap<String, String> form) {
        IssueWorkloadToken.Issued issued = exchange.exchange(new ExchangeForWorkloadToken.Request(
                credentials.clientId(),
                credentials.secret(),
                single(form, "subject_token"),
                single(form, "subject_token_type"),
                single(form, "actor_token"),
                single(form, "actor_token_type"),
                single(form, "requested_token_type"),
                single(form, "scope"),
                single(form, "audience")));
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("access_token", issued.token().value());
        view.put("issued_token_type", ExchangeForWorkloadToken.ACCESS_TOKEN_TYPE);
        view.put("token_type", "Bearer");
        view.put("expires_in", issued.token().expiresIn().toSeconds());
        view.put("scope", issued.scopes().toSpaceSeparated());
        return view;
    }

    /** RFC 6749 §5.1, with no null member. */
    private static Map<String, Object> view(IssuedTokens tokens) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("access_token", tokens.accessToken());
        view.put("token_type", "Bearer");
        view.put("expires_in", tokens.expiresIn().toSeconds());
        tokens.refreshToken().ifPresent(refresh -> view.put("refresh_token", refresh));
        view.put("scope", tokens.scopes().toSpaceSeparated());
        return view;
    }
}
