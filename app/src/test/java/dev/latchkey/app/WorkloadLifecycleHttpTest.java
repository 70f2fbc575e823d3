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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A workload after registration: disabled and enabled, its secret rotated with an overlap, deleted,
 * and its outstanding tokens listed — each reaching tokens already issued on their next use.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class WorkloadLifecycleHttpTest {
    static final DropwizardAppExtension<LatchkeyConfiguration> APP = TestApps.onH2();
    private static final String PASSWORD = "correct horse battery staple";

    private String owner;
    private String ownerKey;
    private String workload;
    private String secret;

    private static Reply call(String method, String path, String token, Map<String, ?> body) {
        return TestApps.call(APP, method, path, token, body);
    }

    private static String newOwner() {
        String token = Reply.of(request(APP, "/auth/register")
                        .post(Entity.json(Map.of(
                                "email",
                                "lc-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com",
                                "password",
                                PASSWORD))))
                .string("access_token");
        return token;
    }

    @BeforeEach
    void aWorkloadWithAnApprovedPolicy() {
        Reply bootstrap = call("POST", "/workspaces/bootstrap", newOwner(), Map.of());
        owner = bootstrap.string("access_token");
        ownerKey = bootstrap.string("api_key");
        Reply registered = call("POST", "/internal/auth/workloads", owner, Map.of("name", "report agent"));
        workload = registered.string("id");
        secret = registered.string("secret");
        String policy = call(
                        "POST",
                        "/internal/auth/workload-policies",
                        owner,
                        Map.of("workload_id", workload, "scopes", List.of("records:*")))
                .string("id");
        call("POST", "/internal/auth/workload-policies/" + policy + "/approve", owner, Map.of());
    }

    @SuppressWarnings("unchecked")
    private String grant() {
        Reply created = call(
                "POST",
                "/internal/auth/delegation-grants",
                owner,
                Map.of("workload_id", workload, "scopes", List.of("records:read")));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        return (String) ((Map<String, Object>) created.body().get("grant")).get("id");
    }

    private Reply token(String grant, String workloadSecret) {
        return Reply.of(request(APP, "/internal/auth/workload-token")
                .post(Entity.json(
                        Map.of("workload_id", workload, "workload_secret", workloadSecret, "grant_id", grant))));
    }

    private static String jti(String token) throws Exception {
        return (String) new com.fasterxml.jackson.databind.ObjectMapper()
                .readValue(
                        new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8),
                        Map.class)
                .get("jti");
    }

    @Test
    void aDisabledWorkloadGetsNoTokenAndItsTokensStopUntilItIsEnabledAgain() {
        String grant = grant();
        String token = token(grant, secret).string("access_token");
        assertThat(call("GET", "/whoami", token, null).status()).isEqualTo(200);

        Reply disabled = call("POST", "/internal/auth/workloads/" + workload + "/disable", owner, Map.of());
        assertThat(disabled.body()).containsEntry("status", "disabled");

        assertProblem(call("GET", "/whoami", token, null), 401, "token_revoked");
        assertProblem(token(grant, secret), 403, "workload_disabled");
        // A wrong secret is still just a wrong secret: "disabled" is said only to whoever proves the workload.
        assertProblem(token(grant, "wk_wrong"), 401, "invalid_credentials");
        assertProblem(
                call(
                        "POST",
                        "/internal/auth/delegation-grants",
                        owner,
                        Map.of("workload_id", workload, "scopes", List.of("records:read"))),
                409,
                "conflict");
        assertThat(call("GET", "/internal/auth/workloads/" + workload, owner, null)
                        .body())
                .containsEntry("status", "disabled");

        call("POST", "/internal/auth/workloads/" + workload + "/enable", owner, Map.of());
        assertThat(call("GET", "/whoami", token, null).status()).isEqualTo(200);
        assertThat(token(grant, secret).status()).isEqualTo(200);
    }

    @Test
    void aRotatedSecretWorksAtOnceAndTheReplacedOneOnlyForItsOverlap() {
        String grant = grant();
        Reply rotated = call(
                "POST",
                "/internal/auth/workloads/" + workload + "/rotate-secret",
                owner,
                Map.of("overlap_seconds", 600));
        assertThat(rotated.status()).as(rotated.body().toString()).isEqualTo(200);
        assertThat(rotated.header("Cache-Control")).contains("no-store");
        String second = rotated.string("secret");
        assertThat(second).startsWith("wk_").isNotEqualTo(secret);
        assertThat(rotated.body()).containsKey("previous_secret_valid_until");

        assertThat(token(grant, second).status()).isEqualTo(200);
        assertThat(token(grant, secret).status()).isEqualTo(200);

        // A second rotation, for a leak: no overlap, and the first secret's overlap ends with it.
        Reply again = call(
                "POST", "/internal/auth/workloads/" + workload + "/rotate-secret", owner, Map.of("overlap_seconds", 0));
        String third = again.string("secret");
        assertThat(again.body()).doesNotContainKey("previous_secret_valid_until");
        assertThat(token(grant, third).status()).isEqualTo(200);
        assertProblem(token(grant, second), 401, "invalid_credentials");
        assertProblem(token(grant, secret), 401, "invalid_credentials");

        assertThat(call("GET", "/internal/auth/workloads/" + workload, owner, null)
                        .body())
                .doesNotContainKey("secret");
        assertProblem(
                call(
                        "POST",
                        "/internal/auth/workloads/" + workload + "/rotate-secret",
                        owner,
                        Map.of("overlap_seconds", 8 * 86_400)),
                400,
                "invalid_request");
    }

    @Test
    void onlyAPersonRotatesASecretBecauseTheNewOneRedeemsOtherPeoplesGrants() {
        String grant = grant();
        String key = call("POST", "/api-keys", ownerKey, Map.of("name", "ops", "scopes", List.of("workloads:*")))
                .string("key");
        assertProblem(
                call("POST", "/internal/auth/workloads/" + workload + "/rotate-secret", key, Map.of()),
                403,
                "insufficient_scope");
        assertThat(token(grant, secret).status()).isEqualTo(200);
    }

    @Test
    void deletingAWorkloadRevokesItsGrantsStopsItsTokensAndItIsGone() {
        String grant = grant();
        String token = token(grant, secret).string("access_token");
        assertThat(call("GET", "/whoami", token, null).status()).isEqualTo(200);

        assertThat(call("DELETE", "/internal/auth/workloads/" + workload, owner, null)
                        .status())
                .isEqualTo(204);

        assertProblem(call("GET", "/whoami", token, null), 401, "token_revoked");
        assertProblem(token(grant, secret), 401, "invalid_credentials");
        assertProblem(call("GET", "/internal/auth/workloads/" + workload, owner, null), 404, "not_found");
        assertProblem(call("DELETE", "/internal/auth/workloads/" + workload, owner, null), 404, "not_found");
        assertThat(call("GET", "/internal/auth/workloads", owner, null)
                        .body()
                        .get("data")
                        .toString())
                .doesNotContain(workload);
        assertThat(call("GET", "/internal/auth/delegation-grants", owner, null)
                        .body()
                        .get("data")
                        .toString())
                .contains(grant)
                .contains("revoked");
        assertThat(TestApps.target(APP, "/audit-events")
                        .queryParam("limit", 1)
                        .request()
                        .header("X-API-Key", ownerKey)
                        .get(String.class))
                .contains("workload.deleted")
                .contains(workload);
    }

    @Test
    @SuppressWarnings("unchecked")
    void outstandingTokensAreListedNewestFirstWithWhetherTheyStillWorkButNeverTheTokens() throws Exception {
        String grant = grant();
        String first = token(grant, secret).string("access_token");
        String second = token(grant, secret).string("access_token");
        call("DELETE", "/internal/auth/delegation-grants/" + grant + "/tokens/" + jti(first), owner, null);

        Reply listed = call("GET", "/internal/auth/workloads/" + workload + "/tokens", owner, null);

        List<Map<String, Object>> tokens =
                (List<Map<String, Object>>) listed.body().get("data");
        assertThat(tokens).extracting(t -> t.get("jti")).containsExactly(jti(second), jti(first));
        assertThat(tokens).extracting(t -> t.get("revoked")).containsExactly(false, true);
        assertThat(tokens.get(0))
                .containsEntry("grant_id", grant)
                .containsEntry("scopes", List.of("records:read"))
                .containsKeys("user_id", "issued_at", "expires_at");
        assertThat(listed.body().toString()).doesNotContain(first).doesNotContain(second);

        call("POST", "/internal/auth/workloads/" + workload + "/disable", owner, Map.of());
        assertThat((List<Map<String, Object>>)
                        call("GET", "/internal/auth/workloads/" + workload + "/tokens", owner, null)
                                .body()
                                .get("data"))
                .extracting(t -> t.get("revoked"))
                .containsExactly(true, true);
    }

    @Test
    void anotherWorkspacesAdminCanNeitherSeeNorTouchTheWorkload() {
        String stranger =
                call("POST", "/workspaces/bootstrap", newOwner(), Map.of()).string("access_token");
        for (String[] route : new String[][] {
            {"GET", ""},
            {"POST", "/disable"},
            {"POST", "/enable"},
            {"POST", "/rotate-secret"},
            {"GET", "/tokens"},
            {"DELETE", ""}
        }) {
            Map<String, ?> body = route[0].equals("POST") ? Map.of() : null;
            assertProblem(
                    call(route[0], "/internal/auth/workloads/" + workload + route[1], stranger, body),
                    404,
                    "not_found");
        }
        assertThat(call("GET", "/internal/auth/workloads/" + workload, owner, null)
                        .body())
                .containsEntry("status", "active");
    }
}
