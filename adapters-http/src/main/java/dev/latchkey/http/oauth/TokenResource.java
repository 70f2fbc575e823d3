package dev.latchkey.http.oauth;

import dev.latchkey.domain.oauth.ClientCredentials;
import dev.latchkey.domain.oauth.IssueOAuthTokens;
import dev.latchkey.domain.oauth.IssuedTokens;
import dev.latchkey.domain.oauth.RevokeOAuthToken;
import dev.latchkey.domain.oauth.TokenRequest;
import dev.latchkey.domain.oauth.exchange.ExchangeForWorkloadToken;
import dev.latchkey.domain.workloadtoken.IssueWorkloadToken;
import dev.latchkey.http.auth.Public;
import dev.latchkey.http.problem.OAuthErrorFormat;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** The token endpoint (RFC 6749 §3.2) and the revocation endpoint (RFC 7009). */
@OAuthErrorFormat
@Path("/oauth")
public final class TokenResource {
    private final IssueOAuthTokens issueTokens;
    private final RevokeOAuthToken revokeToken;
    private final Optional<ExchangeForWorkloadToken> exchange;

    /** @param exchange RFC 8693 token exchange for workloads; without it the grant type is unsupported */
    public TokenResource(
            IssueOAuthTokens issueTokens, RevokeOAuthToken revokeToken, Optional<ExchangeForWorkloadToken> exchange) {
        this.issueTokens = issueTokens;
        this.revokeToken = revokeToken;
        this.exchange = exchange;
    }

    @POST
    @Path("token")
    @Public
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    public Response token(
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, MultivaluedMap<String, String> form) {
        return answer(authorization, form, credentials -> {
            boolean exchanging = single(form, "grant_type")
                    .filter(ExchangeForWorkloadToken.GRANT_TYPE::equals)
                    .isPresent();
            if (exchanging && exchange.isPresent()) {
                // The workload is not an OAuth client: it proves itself with its actor_token, not here.
                return OAuthResponses.json(200, exchanged(exchange.get(), credentials, form));
            }
            TokenRequest request = new TokenRequest(
                    single(form, "grant_type"),
                    single(form, "code"),
                    single(form, "redirect_uri"),
                    single(form, "code_verifier"),
                    single(form, "refresh_token"),
                    single(form, "scope"),
                    single(form, "resource"));
            return OAuthResponses.json(200, view(issueTokens.issue(credentials, request)));
        });
    }

    @POST
    @Path("revoke")
    @Public
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    public Response revoke(
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, MultivaluedMap<String, String> form) {
        return answer(authorization, form, credentials -> {
            revokeToken.revoke(credentials, single(form, "token"), single(form, "token_type_hint"));
            return Response.ok().cacheControl(OAuthResponses.NO_STORE).build();
        });
    }

    private static Response answer(
            String authorization, MultivaluedMap<String, String> form, Function<ClientCredentials, Response> handler) {
        return OAuthResponses.forClient(authorization, form, handler);
    }

    private static java.util.Optional<String> single(MultivaluedMap<String, String> form, String name) {
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
