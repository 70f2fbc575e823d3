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
 * RFC 8693 token exchange for workloads, and multi-hop delegation through it, at {@code /oauth/token}, driven by Nimbus OAuth 2.0 SDK's
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

    /** Someone who just signed up and made a workspace: its owner's token. */
    private static String newWorkspaceOwner() {
        String token = Reply.of(request(APP, "/auth/register")
                        .post(Entity.json(Map.of(
                                "email",
                                "tx-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com",
                                "password",
                                PASSWORD))))
                .string("access_token");
        return call("POST", "/workspaces/bootstrap", token, Map.of()).string("access_token");
    }

    private static URI tokenEndpoint() {
        return URI.create("http://localhost:" + APP.getLocalPort() + "/oauth/token");
    }

    @BeforeEach
    @SuppressWarnings("unchecked")
    void aPersonWhoDelegatedToAWorkload() {
        owner = newWorkspaceOwner();
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

    /** A second workload of the workspace with its own approved policy: a sub-agent. */
    private String[] subAgent(String name, List<String> policyScopes) {
        Reply registered = call("POST", "/internal/auth/workloads", owner, Map.of("name", name));
        String policy = call(
                        "POST",
                        "/internal/auth/workload-policies",
                        owner,
                        Map.of("workload_id", registered.string("id"), "scopes", policyScopes))
                .string("id");
        call("POST", "/internal/auth/workload-policies/" + policy + "/approve", owner, Map.of());
        return new String[] {registered.string("id"), registered.string("secret")};
    }

    private TokenResponse handOn(String token, String[] to, Scope scope) throws Exception {
        TokenRequest request = new TokenRequest(
                tokenEndpoint(),
                new ClientID(to[0]),
                new TokenExchangeGrant(
                        new TypelessToken(token),
                        TokenTypeURI.ACCESS_TOKEN,
                        new TypelessToken(to[1]),
                        WORKLOAD_SECRET,
                        null,
                        null),
                scope);
        return TokenResponse.parse(request.toHTTPRequest().send());
    }

    private static String token(TokenResponse response) {
        assertThat(response.indicatesSuccess())
                .as(String.valueOf(response.toHTTPResponse().getBody()))
                .isTrue();
        return response.toSuccessResponse().getTokens().getAccessToken().getValue();
    }

    private String agentToken() throws Exception {
        return token(exchange(forGrant(grant, secret), null));
    }

    @Test
    void anAgentHandsPartOfItsWorkToASubAgentWhoseTokenNarrowsAndRecordsTheChain() throws Exception {
        String[] sub = subAgent("summariser", List.of("records:read", "pipelines:read"));
        String parent = agentToken();

        String child = token(handOn(parent, sub, null));

        Map<String, Object> claims = claims(child);
        assertThat(claims)
                .containsEntry("sub", ownerId)
                .containsEntry("grant_id", grant)
                .containsEntry("act", Map.of("sub", sub[0], "act", Map.of("sub", workload)))
                .containsEntry("scope", "records:read");
        assertThat((Integer) claims.get("exp"))
                .isLessThanOrEqualTo((Integer) claims(parent).get("exp"));
        assertThat(call("GET", "/whoami", child, null).body())
                .containsEntry("actor_id", sub[0])
                .containsEntry("scopes", List.of("records:read"));

        // Asking for more than the handed-on token and the sub-agent's policy both allow: refused.
        ErrorObject wider = handOn(parent, sub, new Scope("records:write"))
                .toErrorResponse()
                .getErrorObject();
        assertThat(wider.getCode()).isEqualTo("invalid_scope");
    }

    @Test
    void revokingOrNarrowingAnyAncestorReachesTheDescendantOnItsNextRequest() throws Exception {
        String[] sub = subAgent("summariser", List.of("records:*"));
        String parent = agentToken();
        String child = token(handOn(parent, sub, null));
        assertThat(call("GET", "/whoami", child, null).body())
                .containsEntry("scopes", List.of("records:read", "records:write"));

        // The first agent's policy narrows: the sub-agent's token with it.
        String narrower = call(
                        "POST",
                        "/internal/auth/workload-policies",
                        owner,
                        Map.of("workload_id", workload, "scopes", List.of("records:read")))
                .string("id");
        call("POST", "/internal/auth/workload-policies/" + narrower + "/approve", owner, Map.of());
        assertThat(call("GET", "/whoami", child, null).body()).containsEntry("scopes", List.of("records:read"));

        // The sub-agent's own policy narrows to nothing it holds: its token is left with nothing.
        String unrelated = call(
                        "POST",
                        "/internal/auth/workload-policies",
                        owner,
                        Map.of("workload_id", sub[0], "scopes", List.of("pipelines:read")))
                .string("id");
        call("POST", "/internal/auth/workload-policies/" + unrelated + "/approve", owner, Map.of());
        assertThat(call("GET", "/whoami", child, null).status()).isEqualTo(401);
        String restored = call(
                        "POST",
                        "/internal/auth/workload-policies",
                        owner,
                        Map.of("workload_id", sub[0], "scopes", List.of("records:*")))
                .string("id");
        call("POST", "/internal/auth/workload-policies/" + restored + "/approve", owner, Map.of());
        child = token(handOn(parent, sub, null));
        assertThat(call("GET", "/whoami", child, null).body()).containsEntry("scopes", List.of("records:read"));

        // The token it was handed is revoked: the sub-agent's token stops.
        String parentJti = (String) claims(parent).get("jti");
        call("DELETE", "/internal/auth/delegation-grants/" + grant + "/tokens/" + parentJti, owner, null);
        Reply refused = call("GET", "/whoami", child, null);
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.string("code")).isEqualTo("token_revoked");

        // A fresh chain, then the first agent is disabled: the sub-agent's token stops too.
        String again = token(handOn(agentToken(), sub, null));
        assertThat(call("GET", "/whoami", again, null).status()).isEqualTo(200);
        call("POST", "/internal/auth/workloads/" + workload + "/disable", owner, Map.of());
        assertThat(call("GET", "/whoami", again, null).status()).isEqualTo(401);
    }

    @Test
    void aChainIsBoundedLoopFreeAndStaysInItsWorkspace() throws Exception {
        String[] second = subAgent("second", List.of("records:read"));
        String[] third = subAgent("third", List.of("records:read"));
        String[] fourth = subAgent("fourth", List.of("records:read"));
        String depth2 = token(handOn(agentToken(), second, null));
        String depth3 = token(handOn(depth2, third, null));

        ErrorObject tooDeep = handOn(depth3, fourth, null).toErrorResponse().getErrorObject();
        assertThat(tooDeep.getCode()).isEqualTo("invalid_request");
        assertThat(tooDeep.getDescription()).contains("at most 3 workloads");

        ErrorObject loop = handOn(depth2, new String[] {workload, secret}, null)
                .toErrorResponse()
                .getErrorObject();
        assertThat(loop.getDescription()).contains("already in this token's delegation chain");

        String strangerOwner = newWorkspaceOwner();
        Reply foreign = call("POST", "/internal/auth/workloads", strangerOwner, Map.of("name", "foreign"));
        ErrorObject crossed = handOn(depth2, new String[] {foreign.string("id"), foreign.string("secret")}, null)
                .toErrorResponse()
                .getErrorObject();
        assertThat(crossed.getCode()).isEqualTo("invalid_request");
        assertThat(crossed.getDescription()).contains("another workspace");

        ErrorObject wrongSecret = handOn(depth2, new String[] {third[0], "wk_wrong"}, null)
                .toErrorResponse()
                .getErrorObject();
        assertThat(wrongSecret.getDescription()).contains("secret is incorrect");
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
