package dev.latchkey.app;

import static dev.latchkey.app.TestApps.request;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.oauth2.sdk.AccessTokenResponse;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.Audience;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.token.TokenTypeURI;
import com.nimbusds.oauth2.sdk.token.TypelessToken;
import com.nimbusds.oauth2.sdk.tokenexchange.TokenExchangeGrant;
import dev.latchkey.app.config.LatchkeyConfiguration;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.client.Entity;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * RFC 8693 token exchange for workloads at {@code /oauth/token}, driven by Nimbus OAuth 2.0 SDK's
 * {@code TokenExchangeGrant} (an OAuth client library that knows the grant): the workload's secret as
 * the actor token, the grant or the person's own access token as the subject, and the same token
 * {@code /internal/auth/workload-token} answers, with the person as {@code sub} and the workload in
 * {@code act} (§4.1).
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class TokenExchangeHttpTest {
    static final DropwizardAppExtension<LatchkeyConfiguration> APP = TestApps.onH2();
    private static final String PASSWORD = "correct horse battery staple";
    private static final TokenTypeURI GRANT = type("urn:latchkey:params:oauth:token-type:delegation-grant");
    private static final TokenTypeURI WORKLOAD_SECRET = type("urn:latchkey:params:oauth:token-type:workload-secret");

    private String owner;
    private String ownerId;
    private String workload;
    private String secret;
    private String grant;

    private static Reply call(String method, String path, String token, Map<String, ?> body) {
        return TestApps.call(APP, method, path, token, body);
    }

    private static TokenTypeURI type(String uri) {
        try {
            return TokenTypeURI.parse(uri);
        } catch (com.nimbusds.oauth2.sdk.ParseException e) {
            throw new IllegalStateException(e);
        }
    }

    private static URI tokenEndpoint() {
        return URI.create("http://localhost:" + APP.getLocalPort() + "/oauth/token");
    }

    @BeforeEach
    @SuppressWarnings("unchecked")
    void aPersonWhoDelegatedToAWorkload() {
        String token = Reply.of(request(APP, "/auth/register")
                        .post(Entity.json(Map.of(
                                "email",
                                "tx-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com",
                                "password",
                                PASSWORD))))
                .string("access_token");
        owner = call("POST", "/workspaces/bootstrap", token, Map.of()).string("access_token");
        ownerId = (String) call("GET", "/whoami", owner, null).body().get("actor_id");
        Reply registered = call("POST", "/internal/auth/workloads", owner, Map.of("name", "research agent"));
        workload = registered.string("id");
        secret = registered.string("secret");
        String policy = call(
                        "POST",
                        "/internal/auth/workload-policies",
                        owner,
                        Map.of("workload_id", workload, "scopes", List.of("records:*", "pipelines:read")))
                .string("id");
        call("POST", "/internal/auth/workload-policies/" + policy + "/approve", owner, Map.of());
        grant = (String) ((Map<String, Object>) call(
                                "POST",
                                "/internal/auth/delegation-grants",
                                owner,
                                Map.of("workload_id", workload, "scopes", List.of("records:read", "records:write")))
                        .body()
                        .get("grant"))
                .get("id");
    }

    private TokenResponse exchange(TokenExchangeGrant exchange, Scope scope) throws Exception {
        TokenRequest request = new TokenRequest(tokenEndpoint(), new ClientID(workload), exchange, scope);
        return TokenResponse.parse(request.toHTTPRequest().send());
    }

    private TokenExchangeGrant forGrant(String grantId, String workloadSecret) {
        return new TokenExchangeGrant(
                new TypelessToken(grantId), GRANT, new TypelessToken(workloadSecret), WORKLOAD_SECRET, null, null);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> claims(String jwt) throws Exception {
        return new com.fasterxml.jackson.databind.ObjectMapper()
                .readValue(
                        new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8),
                        Map.class);
    }

    @Test
    void theGrantAsSubjectAndTheWorkloadsSecretAsActorGetTheWorkloadToken() throws Exception {
        TokenResponse response = exchange(forGrant(grant, secret), null);

        assertThat(response.indicatesSuccess())
                .as(String.valueOf(response.toHTTPResponse().getBody()))
                .isTrue();
        AccessTokenResponse success = response.toSuccessResponse();
        var token = success.getTokens().getAccessToken();
        assertThat(token.getIssuedTokenType()).isEqualTo(TokenTypeURI.ACCESS_TOKEN);
        assertThat(token.getType().getValue()).isEqualTo("Bearer");
        assertThat(token.getLifetime()).isBetween(290L, 300L);
        assertThat(token.getScope().toStringList()).containsExactly("records:read", "records:write");
        assertThat(success.getTokens().getRefreshToken()).isNull();

        Map<String, Object> claims = claims(token.getValue());
        assertThat(claims).containsEntry("sub", ownerId).containsEntry("act", Map.of("sub", workload));
        assertThat(claims).containsEntry("grant_id", grant);

        Reply me = call("GET", "/whoami", token.getValue(), null);
        assertThat(me.body())
                .containsEntry("credential_kind", "workload_token")
                .containsEntry("actor_id", workload)
                .containsEntry("scopes", List.of("records:read", "records:write"));
    }

    @Test
    void thePersonsOwnAccessTokenAsSubjectFindsTheirGrantAndAScopeOnlyNarrows() throws Exception {
        TokenExchangeGrant exchange = new TokenExchangeGrant(
                new TypelessToken(owner),
                TokenTypeURI.ACCESS_TOKEN,
                new TypelessToken(secret),
                WORKLOAD_SECRET,
                TokenTypeURI.ACCESS_TOKEN,
                List.of(new Audience("latchkey-internal")));

        TokenResponse narrowed = exchange(exchange, new Scope("records:read"));
        assertThat(narrowed.indicatesSuccess())
                .as(String.valueOf(narrowed.toHTTPResponse().getBody()))
                .isTrue();
        String token = narrowed.toSuccessResponse().getTokens().getAccessToken().getValue();
        assertThat(claims(token)).containsEntry("grant_id", grant).containsEntry("scope", "records:read");

        TokenResponse widened = exchange(exchange, new Scope("records:read", "records:delete"));
        assertThat(widened.indicatesSuccess()).isFalse();
        assertThat(widened.toErrorResponse().getErrorObject().getCode()).isEqualTo("invalid_scope");
    }

    @Test
    void theWorkloadMayAuthenticateAsTheClientWithItsSecretInstead() throws Exception {
        TokenRequest request = new TokenRequest(
                tokenEndpoint(),
                new ClientSecretBasic(new ClientID(workload), new Secret(secret)),
                new TokenExchangeGrant(new TypelessToken(grant), GRANT),
                null);

        TokenResponse response = TokenResponse.parse(request.toHTTPRequest().send());

        assertThat(response.indicatesSuccess())
                .as(String.valueOf(response.toHTTPResponse().getBody()))
                .isTrue();
    }

    @Test
    void aWrongSecretAnotherWorkloadsGrantAForeignAudienceAndARevokedGrantAreRefusedEachSayingWhy() throws Exception {
        ErrorObject wrongSecret =
                exchange(forGrant(grant, "wk_wrong"), null).toErrorResponse().getErrorObject();
        assertThat(wrongSecret.getCode()).isEqualTo("invalid_request");
        assertThat(wrongSecret.getHTTPStatusCode()).isEqualTo(400);
        assertThat(wrongSecret.getDescription()).contains("secret is incorrect");

        Reply other = call("POST", "/internal/auth/workloads", owner, Map.of("name", "other"));
        TokenRequest asOther = new TokenRequest(
                tokenEndpoint(), new ClientID(other.string("id")), forGrant(grant, other.string("secret")), null);
        ErrorObject foreignGrant = TokenResponse.parse(asOther.toHTTPRequest().send())
                .toErrorResponse()
                .getErrorObject();
        assertThat(foreignGrant.getCode()).isEqualTo("invalid_request");
        assertThat(foreignGrant.getDescription()).contains("subject_token");

        TokenExchangeGrant elsewhere = new TokenExchangeGrant(
                new TypelessToken(grant),
                GRANT,
                new TypelessToken(secret),
                WORKLOAD_SECRET,
                null,
                List.of(new Audience("https://api.example.com")));
        assertThat(exchange(elsewhere, null).toErrorResponse().getErrorObject().getCode())
                .isEqualTo("invalid_target");

        call("DELETE", "/internal/auth/delegation-grants/" + grant, owner, null);
        ErrorObject revoked =
                exchange(forGrant(grant, secret), null).toErrorResponse().getErrorObject();
        assertThat(revoked.getCode()).isEqualTo("invalid_request");
        assertThat(revoked.getDescription()).contains("revoked or expired");
    }

    @Test
    void aWorkloadTokenIsNotAPersonsTokenSoItCannotBeTheSubject() throws Exception {
        String workloadToken = exchange(forGrant(grant, secret), null)
                .toSuccessResponse()
                .getTokens()
                .getAccessToken()
                .getValue();
        TokenExchangeGrant onwards = new TokenExchangeGrant(
                new TypelessToken(workloadToken),
                TokenTypeURI.ACCESS_TOKEN,
                new TypelessToken(secret),
                WORKLOAD_SECRET,
                null,
                null);

        ErrorObject refused = exchange(onwards, null).toErrorResponse().getErrorObject();

        assertThat(refused.getCode()).isEqualTo("invalid_request");
        assertThat(refused.getDescription()).contains("person's access token");
    }

    @Test
    void theMetadataAdvertisesTheGrantType() {
        assertThat(Reply.of(request(APP, "/.well-known/oauth-authorization-server")
                                .get())
                        .body()
                        .get("grant_types_supported"))
                .asList()
                .contains("urn:ietf:params:oauth:grant-type:token-exchange");
    }
}
