package dev.latchkey.app;

import static dev.latchkey.app.Reply.assertProblem;
import static dev.latchkey.app.TestApps.request;
import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.app.config.LatchkeyConfiguration;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.client.Entity;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Seed 003 §2: delegated workload tokens — issued for a grant, verified live, killed with it. */
@ExtendWith(DropwizardExtensionsSupport.class)
class WorkloadTokenHttpTest {
    static final DropwizardAppExtension<LatchkeyConfiguration> APP = TestApps.onH2();
    private static final String PASSWORD = "correct horse battery staple";

    private String owner;
    private String member;
    private String memberId;
    private String workload;
    private String secret;

    private static Reply call(String method, String path, String token, Map<String, ?> body) {
        return TestApps.call(APP, method, path, token, body);
    }

    private static String email() {
        return "w-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    @BeforeEach
    void workloadWithPolicyAndAMember() {
        String ownerEmail = email();
        String token = Reply.of(request(APP, "/auth/register")
                        .post(Entity.json(Map.of("email", ownerEmail, "password", PASSWORD))))
                .string("access_token");
        owner = call("POST", "/workspaces/bootstrap", token, Map.of()).string("access_token");
        String memberEmail = email();
        TestApps.registerVerified(APP, memberEmail, PASSWORD);
        call("POST", "/members", owner, Map.of("email", memberEmail, "role", "member"));
        member = Reply.of(request(APP, "/auth/login")
                        .post(Entity.json(Map.of("email", memberEmail, "password", PASSWORD))))
                .string("access_token");
        memberId = (String) call("GET", "/whoami", member, null).body().get("actor_id");
        Reply registered = call("POST", "/internal/auth/workloads", owner, Map.of("name", "pipeline runner"));
        workload = registered.string("id");
        secret = registered.string("secret");
        approvePolicy(List.of("records:*", "pipelines:read"));
    }

    private void approvePolicy(List<String> scopes) {
        String policy = call(
                        "POST",
                        "/internal/auth/workload-policies",
                        owner,
                        Map.of("workload_id", workload, "scopes", scopes))
                .string("id");
        call("POST", "/internal/auth/workload-policies/" + policy + "/approve", owner, Map.of());
    }

    @SuppressWarnings("unchecked")
    private String grant(String userToken, List<String> scopes) {
        Reply created = call(
                "POST",
                "/internal/auth/delegation-grants",
                userToken,
                Map.of("workload_id", workload, "scopes", scopes));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        return (String) ((Map<String, Object>) created.body().get("grant")).get("id");
    }

    private Reply token(String grant, String workloadSecret) {
        return Reply.of(request(APP, "/internal/auth/workload-token")
                .post(Entity.json(
                        Map.of("workload_id", workload, "workload_secret", workloadSecret, "grant_id", grant))));
    }

    @Test
    void aWorkloadTokenCarriesTheGrantsScopesTheTenantAndTheDelegatingUser() throws Exception {
        Reply issued = token(grant(member, List.of("records:read", "pipelines:read")), secret);

        assertThat(issued.status()).as(issued.body().toString()).isEqualTo(200);
        assertThat(issued.body()).containsEntry("token_type", "Bearer").containsEntry("scope", "records:read");
        assertThat((Integer) issued.body().get("expires_in")).isBetween(290, 300);
        String token = issued.string("access_token");
        String header = new String(Base64.getUrlDecoder().decode(token.split("\\.")[0]), StandardCharsets.UTF_8);
        assertThat(header)
                .contains("\"typ\":\"at+jwt\"")
                .contains("\"alg\":\"RS256\"")
                .contains("\"kid\"");

        Reply me = call("GET", "/whoami", token, null);
        assertThat(me.body())
                .containsEntry("credential_kind", "workload_token")
                .containsEntry("actor_id", workload)
                .containsEntry("scopes", List.of("records:read"));

        // Anyone can verify it with the published keys alone.
        String jwks =
                Reply.of(request(APP, "/.well-known/jwks.json").get()).body().toString();
        String json = new com.fasterxml.jackson.databind.ObjectMapper()
                .writeValueAsString(
                        Reply.of(request(APP, "/.well-known/jwks.json").get()).body());
        JwtClaims claims = new JwtConsumerBuilder()
                .setVerificationKeyResolver(new JwksVerificationKeyResolver(new JsonWebKeySet(json).getJsonWebKeys()))
                .setExpectedAudience("latchkey-internal")
                .setExpectedIssuer("latchkey")
                .build()
                .processToClaims(token);
        assertThat(jwks).doesNotContain("\"d\"");
        // RFC 8693 §4.1: the person is the subject, the workload the actor.
        assertThat(claims.getSubject()).isEqualTo(memberId);
        assertThat(claims.getClaimValue("act")).isEqualTo(Map.of("sub", workload));
        assertThat(claims.getStringClaimValue("grant_id")).isNotBlank();
    }

    @Test
    void wrongSecretsUnknownGrantsAndOtherWorkloadsGrantsGetNoToken() {
        String grant = grant(member, List.of("records:read"));

        assertProblem(token(grant, "wk_wrong"), 401, "invalid_credentials");
        assertProblem(token("grant_unknown", secret), 404, "not_found");
        Reply other = call("POST", "/internal/auth/workloads", owner, Map.of("name", "other"));
        assertProblem(
                Reply.of(request(APP, "/internal/auth/workload-token")
                        .post(Entity.json(Map.of(
                                "workload_id",
                                other.string("id"),
                                "workload_secret",
                                other.string("secret"),
                                "grant_id",
                                grant)))),
                404,
                "not_found");
    }

    /**
     * The endpoint is a plain servlet (outside JAX-RS, for speed); a body it cannot use is a 4xx problem
     * as at every JSON endpoint, never echoing what was sent (a secret may have been pasted there).
     */
    @Test
    void aBodyThatIsNotATokenRequestIsAProblemThatEchoesNothing() {
        String grant = grant(member, List.of("records:read"));
        String json = "Content-Type: application/json";
        String leaked = "wk_pasted_secret_" + UUID.randomUUID();
        java.util.function.BiFunction<String, String, RawHttp.Answer> post = (type, body) -> RawHttp.send(
                APP.getLocalPort(),
                "POST",
                "/internal/auth/workload-token",
                List.of(type.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)),
                body.getBytes(java.nio.charset.StandardCharsets.UTF_8));

        for (String body : List.of(
                "{\"workload_id\": \"" + leaked,
                "{\"workload_id\":\"" + workload + "\",\"workload_secret\":\"" + leaked + "\",\"grant_id\":\"" + grant
                        + "\",\"extra\":1}",
                "",
                "{\"workload_id\":\"" + "x".repeat(70_000) + "\"}")) {
            RawHttp.Answer refused = post.apply(json, body);
            assertThat(refused.status()).as(refused.body()).isEqualTo(400);
            assertThat(refused.body()).contains("\"code\":\"invalid_request\"").doesNotContain(leaked);
        }
        assertThat(post.apply("Content-Type: text/plain", "{}").status()).isEqualTo(415);
        RawHttp.Answer get =
                RawHttp.send(APP.getLocalPort(), "GET", "/internal/auth/workload-token", List.of(), new byte[0]);
        assertThat(get.status()).isEqualTo(405);
        assertThat(get.body()).contains("\"code\":\"method_not_allowed\"");

        RawHttp.Answer issued = post.apply(
                json,
                "{\"workload_id\":\"" + workload + "\",\"workload_secret\":\"" + secret + "\",\"grant_id\":\"" + grant
                        + "\"}");
        assertThat(issued.status()).as(issued.body()).isEqualTo(200);
        assertThat(issued.head().toLowerCase(java.util.Locale.ROOT)).contains("cache-control: no-store");
        assertThat(issued.body()).contains("\"token_type\":\"Bearer\"").contains("\"scope\":\"records:read\"");
    }

    @Test
    void revokingTheGrantKillsItsTokensAtOnce() {
        String grant = grant(member, List.of("records:read"));
        String token = token(grant, secret).string("access_token");
        assertThat(call("GET", "/whoami", token, null).status()).isEqualTo(200);

        assertThat(call("DELETE", "/internal/auth/delegation-grants/" + grant, member, null)
                        .status())
                .isEqualTo(204);

        assertProblem(call("GET", "/whoami", token, null), 401, "token_revoked");
        assertProblem(token(grant, secret), 409, "conflict");
    }

    /**
     * The token endpoint remembers a grant's terms between tokens (RememberedGrantTerms): every
     * change that ends or narrows them still holds from the very next token.
     */
    @Test
    void theNextTokenAfterARotationDisablementPolicyChangeOrDepartureObeysIt() {
        String memberGrant = grant(member, List.of("records:read"));
        String ownerGrant = grant(owner, List.of("records:*"));
        assertThat(token(memberGrant, secret).status()).isEqualTo(200);
        assertThat(token(ownerGrant, secret).body()).containsEntry("scope", "records:*");
        assertProblem(token(memberGrant, "wk_wrong"), 401, "invalid_credentials");

        // A leaked secret, rotated with no overlap, stops at once; the new one works.
        String rotated = call(
                        "POST",
                        "/internal/auth/workloads/" + workload + "/rotate-secret",
                        owner,
                        Map.of("overlap_seconds", 0))
                .string("secret");
        assertProblem(token(memberGrant, secret), 401, "invalid_credentials");
        assertThat(token(memberGrant, rotated).status()).isEqualTo(200);

        call("POST", "/internal/auth/workloads/" + workload + "/disable", owner, Map.of());
        assertProblem(token(memberGrant, rotated), 403, "workload_disabled");
        call("POST", "/internal/auth/workloads/" + workload + "/enable", owner, Map.of());
        assertThat(token(memberGrant, rotated).status()).isEqualTo(200);

        approvePolicy(List.of("records:read"));
        assertThat(token(ownerGrant, rotated).body()).containsEntry("scope", "records:read");

        call("DELETE", "/members/" + memberId, owner, null);
        assertProblem(token(memberGrant, rotated), 403, "insufficient_scope");
    }

    @Test
    void oneTokenCanBeRevokedByItsJtiWhileTheGrantsOtherTokensLive() throws Exception {
        String grant = grant(member, List.of("records:read"));
        String doomed = token(grant, secret).string("access_token");
        String survivor = token(grant, secret).string("access_token");
        String jti = (String) new com.fasterxml.jackson.databind.ObjectMapper()
                .readValue(
                        new String(Base64.getUrlDecoder().decode(doomed.split("\\.")[1]), StandardCharsets.UTF_8),
                        Map.class)
                .get("jti");
        assertThat(call("GET", "/whoami", doomed, null).status()).isEqualTo(200);

        assertThat(call("DELETE", "/internal/auth/delegation-grants/" + grant + "/tokens/" + jti, member, null)
                        .status())
                .isEqualTo(204);

        assertProblem(call("GET", "/whoami", doomed, null), 401, "token_revoked");
        assertThat(call("GET", "/whoami", survivor, null).status()).isEqualTo(200);
    }

    @Test
    void narrowingThePolicyOrRemovingTheUserReachesOutstandingTokensAtOnce() {
        String token = token(grant(owner, List.of("records:*")), secret).string("access_token");
        assertThat(call("GET", "/whoami", token, null).body()).containsEntry("scopes", List.of("records:*"));

        approvePolicy(List.of("records:read"));
        assertThat(call("GET", "/whoami", token, null).body()).containsEntry("scopes", List.of("records:read"));

        String memberToken =
                token(grant(member, List.of("records:read")), secret).string("access_token");
        assertThat(call("GET", "/whoami", memberToken, null).status()).isEqualTo(200);
        call("DELETE", "/members/" + memberId, owner, null);
        assertProblem(call("GET", "/whoami", memberToken, null), 401, "token_revoked");
    }

    @Test
    void aWorkloadTokenNeitherDelegatesOnwardsNorReachesBeyondItsScopes() {
        String token = token(grant(member, List.of("records:read")), secret).string("access_token");

        assertProblem(
                call(
                        "POST",
                        "/internal/auth/delegation-grants",
                        token,
                        Map.of("workload_id", workload, "scopes", List.of("records:read"))),
                400,
                "invalid_request");
        assertProblem(call("GET", "/api-keys", token, null), 403, "insufficient_scope");
    }
}
