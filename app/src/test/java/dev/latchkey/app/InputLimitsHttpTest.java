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
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every field at its limit is accepted and at its limit + 1 refused with 400 (or the OAuth shape),
 * never a 500 with SQL text: each of these gave 500 before.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class InputLimitsHttpTest {
    static final DropwizardAppExtension<LatchkeyConfiguration> APP = TestApps.onH2();

    private String owner;
    private String ownerKey;

    private static Reply call(String method, String path, String token, Map<String, ?> body) {
        return TestApps.call(APP, method, path, token, body);
    }

    private static List<String> scopes(int count) {
        return IntStream.range(0, count).mapToObj(i -> "records:a" + i).toList();
    }

    @BeforeEach
    void workspace() {
        String email = "l-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        Reply bootstrap = call(
                "POST",
                "/workspaces/bootstrap",
                TestApps.registerVerified(APP, email, "correct horse battery staple"),
                Map.of());
        owner = bootstrap.string("access_token");
        ownerKey = bootstrap.string("api_key");
    }

    @Test
    void scopeListsAreBoundedWhereverTheyArrive() {
        assertThat(call("POST", "/api-keys", ownerKey, Map.of("name", "k", "scopes", scopes(100)))
                        .status())
                .isEqualTo(201);
        assertProblem(
                call("POST", "/api-keys", ownerKey, Map.of("name", "k", "scopes", scopes(101))),
                400,
                "invalid_request");
        assertProblem(
                call("POST", "/api-keys", ownerKey, Map.of("name", "k", "scopes", scopes(10_000))),
                400,
                "invalid_request");
        assertProblem(
                call(
                        "POST",
                        "/api-keys",
                        ownerKey,
                        Map.of("name", "k", "scopes", List.of("records:" + "x".repeat(2_000)))),
                400,
                "invalid_request");

        String workload = call("POST", "/internal/auth/workloads", owner, Map.of("name", "w"))
                .string("id");
        assertProblem(
                call(
                        "POST",
                        "/internal/auth/workload-policies",
                        owner,
                        Map.of("workload_id", workload, "scopes", scopes(250))),
                400,
                "invalid_request");
        assertProblem(
                call(
                        "POST",
                        "/internal/auth/delegation-grants",
                        owner,
                        Map.of("workload_id", workload, "scopes", scopes(300))),
                400,
                "invalid_request");
    }

    @Test
    void mappingFieldsAreBounded() {
        assertThat(call(
                                "PUT",
                                "/actor-mappings",
                                owner,
                                Map.of("subject", "s".repeat(255), "kind", "human", "role", "member"))
                        .status())
                .isEqualTo(200);
        assertProblem(
                call(
                        "PUT",
                        "/actor-mappings",
                        owner,
                        Map.of("subject", "s".repeat(256), "kind", "human", "role", "member")),
                400,
                "invalid_request");
        assertProblem(
                call(
                        "PUT",
                        "/actor-mappings",
                        owner,
                        Map.of(
                                "subject",
                                "user_1",
                                "kind",
                                "human",
                                "role",
                                "member",
                                "owner_scopes",
                                List.of("o".repeat(201)))),
                400,
                "invalid_request");
    }

    @Test
    void aLongTokenIdOrResourceIsAnAnswerNotAServerError() {
        String workload = call("POST", "/internal/auth/workloads", owner, Map.of("name", "w"))
                .string("id");
        String policy = call(
                        "POST",
                        "/internal/auth/workload-policies",
                        owner,
                        Map.of("workload_id", workload, "scopes", List.of("pipelines:*")))
                .string("id");
        call("POST", "/internal/auth/workload-policies/" + policy + "/approve", owner, Map.of());
        @SuppressWarnings("unchecked")
        String grant = (String) ((Map<String, Object>) call(
                                "POST",
                                "/internal/auth/delegation-grants",
                                owner,
                                Map.of("workload_id", workload, "scopes", List.of("pipelines:*")))
                        .body()
                        .get("grant"))
                .get("id");
        assertThat(call(
                                "DELETE",
                                "/internal/auth/delegation-grants/" + grant + "/tokens/" + "j".repeat(100),
                                owner,
                                null)
                        .status())
                .isEqualTo(204);
        assertProblem(
                call("DELETE", "/internal/auth/delegation-grants/" + grant + "/tokens/" + "j".repeat(200), owner, null),
                400,
                "invalid_request");

        Reply longResource = Reply.of(request(APP, "/authz/check")
                .header("X-Original-Method", "DELETE")
                .header("X-Original-URI", "/api/pipelines/" + "p".repeat(2_100))
                .header("Authorization", "Bearer " + ownerKey)
                .get());
        assertProblem(longResource, 400, "invalid_request");
    }

    @Test
    void aMalformedEscapeInBasicCredentialsIsAnInvalidClient() {
        String basic =
                "Basic " + Base64.getEncoder().encodeToString("client%zz:secret%".getBytes(StandardCharsets.UTF_8));
        for (String path : List.of("/oauth/token", "/oauth/revoke")) {
            Reply answer = Reply.of(request(APP, path)
                    .header("Authorization", basic)
                    .post(Entity.form(new jakarta.ws.rs.core.Form()
                            .param("grant_type", "refresh_token")
                            .param("token", "x")
                            .param("refresh_token", "x"))));
            assertThat(answer.status()).as(path).isEqualTo(401);
            assertThat(answer.body()).containsEntry("error", "invalid_client");
        }
    }

    @Test
    void jettysOwnRefusalsAreProblemDocumentsNotHtmlPages() {
        List<RawHttp.Answer> answers = List.of(
                RawHttp.send(
                        APP.getLocalPort(),
                        "GET",
                        "/health",
                        List.of(RawHttp.header("X-Big", "a".repeat(20_000))),
                        new byte[0]),
                RawHttp.send(APP.getLocalPort(), "GET", "/" + "a".repeat(9_000), List.of(), new byte[0]),
                RawHttp.send(APP.getLocalPort(), "GET", "/a%2Fb/../x", List.of(), new byte[0]));
        assertThat(answers).extracting(RawHttp.Answer::status).containsExactly(431, 414, 400);
        for (RawHttp.Answer answer : answers) {
            assertThat(answer.head().toLowerCase(java.util.Locale.ROOT))
                    .contains("content-type: application/problem+json");
            assertThat(answer.body()).contains("\"code\":\"invalid_request\"").doesNotContain("<html");
        }
    }
}
