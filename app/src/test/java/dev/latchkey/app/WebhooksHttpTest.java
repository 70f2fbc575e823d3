package dev.latchkey.app;

import static dev.latchkey.app.Reply.assertProblem;
import static dev.latchkey.app.TestApps.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.standardwebhooks.Webhook;
import com.sun.net.httpserver.HttpServer;
import dev.latchkey.app.config.LatchkeyConfiguration;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Approvers are told over signed webhooks: a real HTTP receiver verifies every event with Standard
 * Webhooks' own library, fails the first attempt, and gets the event again on the retry; the delivery
 * log shows it all. Receivers here are on 127.0.0.1, so the address fence is lifted for this app.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class WebhooksHttpTest {
    static final DropwizardAppExtension<LatchkeyConfiguration> APP = TestApps.onH2(
            ConfigOverride.config("webhooks.allowPrivateAddresses", "true"),
            ConfigOverride.config("webhooks.allowHttp", "true"),
            ConfigOverride.config("webhooks.firstRetryAfter", "300ms"),
            ConfigOverride.config("webhooks.pollInterval", "100ms"));
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BODY = "c".repeat(64);

    private static HttpServer receiver;
    private static final AtomicReference<Webhook> verifier = new AtomicReference<>();
    private static final List<Map<String, Object>> verified = new CopyOnWriteArrayList<>();
    private static final List<String> messageIds = new CopyOnWriteArrayList<>();
    private static final AtomicInteger refused = new AtomicInteger();
    private static final AtomicInteger toFail = new AtomicInteger();

    @BeforeAll
    static void startReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/latchkey-events", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, List<String>> headers = new HashMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), values));
            int status;
            try {
                verifier.get().verify(body, headers);
                if (toFail.getAndDecrement() > 0) {
                    status = 503; // verified, but the receiver is having a bad moment
                } else {
                    verified.add(readJson(body));
                    messageIds.add(headers.get("webhook-id").get(0));
                    status = 204;
                }
            } catch (Exception notVerified) {
                refused.incrementAndGet();
                status = 401;
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterAll
    static void stopReceiver() {
        receiver.stop(0);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> readJson(String body) {
        try {
            return JSON.readValue(body, Map.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Reply call(String method, String path, String token, Map<String, ?> body) {
        return TestApps.call(APP, method, path, token, body);
    }

    private static Reply sensitiveAttempt(String token, String uri) {
        return Reply.of(request(APP, "/authz/check")
                .header("X-Original-Method", "DELETE")
                .header("X-Original-URI", uri)
                .header("X-Latchkey-Body-SHA256", BODY)
                .header("Authorization", "Bearer " + token)
                .get());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> eventFor(String type, String approvalId) {
        await().atMost(Duration.ofSeconds(15))
                .until(() -> verified.stream()
                        .anyMatch(e -> type.equals(e.get("type"))
                                && approvalId.equals(((Map<String, Object>) e.get("data")).get("approval_id"))));
        return verified.stream()
                .filter(e -> type.equals(e.get("type"))
                        && approvalId.equals(((Map<String, Object>) e.get("data")).get("approval_id")))
                .findFirst()
                .orElseThrow();
    }

    @Test
    @SuppressWarnings("unchecked")
    void approversHearOfEachRequestAndDecisionSignedRetriedAndLogged() {
        AgentFixtures.Delegated delegated = AgentFixtures.workloadActingForAnOwner(APP, List.of("pipelines:*"));
        String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/latchkey-events";
        Reply created = call("POST", "/internal/auth/webhooks", delegated.owner(), Map.of("url", url));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        assertThat(created.header("Cache-Control")).contains("no-store");
        assertThat(created.string("secret")).startsWith("whsec_");
        assertThat((List<String>) created.body().get("events"))
                .containsExactly("approval.decided", "approval.requested");
        String endpoint = created.string("id");
        verifier.set(newVerifier(created.string("secret")));
        assertThat(call("GET", "/internal/auth/webhooks", delegated.owner(), null)
                        .body()
                        .toString())
                .contains(endpoint)
                .doesNotContain(created.string("secret"))
                .doesNotContain("secret");

        toFail.set(1);
        String approval = sensitiveAttempt(delegated.workloadToken(), "/api/pipelines/p_42")
                .string("approval_id");
        Map<String, Object> requested = eventFor("approval.requested", approval);
        Map<String, Object> data = (Map<String, Object>) requested.get("data");
        assertThat(data)
                .containsEntry("workload_id", delegated.workloadId())
                .containsEntry("grant_id", delegated.grantId())
                .containsEntry("method", "DELETE")
                .containsEntry("resource", "/api/pipelines/p_42")
                .containsEntry("body_sha256", BODY)
                .containsEntry("status", "pending");
        assertThat(requested.toString()).doesNotContain(delegated.workloadToken());

        Map<String, Object> logged = ((List<Map<String, Object>>)
                        call("GET", "/internal/auth/webhooks/" + endpoint + "/deliveries", delegated.owner(), null)
                                .body()
                                .get("data"))
                .get(0);
        assertThat(logged)
                .containsEntry("event", "approval.requested")
                .containsEntry("status", "delivered")
                .containsEntry("attempts", 2)
                .containsEntry("last_status", 204);

        call(
                "POST",
                "/internal/auth/approvals/" + approval + "/reject",
                delegated.owner(),
                Map.of("reason", "Not on a Friday"));
        Map<String, Object> decided =
                (Map<String, Object>) eventFor("approval.decided", approval).get("data");
        assertThat(decided).containsEntry("status", "rejected").containsEntry("reason", "Not on a Friday");
        assertThat((String) decided.get("decided_by")).startsWith("usr_");

        assertThat(refused.get()).as("every event carried a valid signature").isZero();
        assertThat(messageIds).doesNotHaveDuplicates();
    }

    @Test
    void aWorkspacesWebhooksAreItsOwnAndNoWorkloadRegistersOne() {
        AgentFixtures.Delegated mine = AgentFixtures.workloadActingForAnOwner(APP, List.of("pipelines:*"));
        AgentFixtures.Delegated theirs = AgentFixtures.workloadActingForAnOwner(APP, List.of("pipelines:*"));
        String endpoint = call(
                        "POST",
                        "/internal/auth/webhooks",
                        mine.owner(),
                        Map.of("url", "http://127.0.0.1:9/hooks", "events", List.of("approval.decided")))
                .string("id");

        assertProblem(
                call("GET", "/internal/auth/webhooks/" + endpoint + "/deliveries", theirs.owner(), null),
                404,
                "not_found");
        assertProblem(call("DELETE", "/internal/auth/webhooks/" + endpoint, theirs.owner(), null), 404, "not_found");
        assertProblem(
                call("POST", "/internal/auth/webhooks", mine.workloadToken(), Map.of("url", "http://127.0.0.1:9/x")),
                403,
                "insufficient_scope");
        assertProblem(
                call(
                        "POST",
                        "/internal/auth/webhooks",
                        mine.owner(),
                        Map.of("url", "http://127.0.0.1:9/x", "events", List.of("everything"))),
                400,
                "invalid_request");

        assertThat(call("DELETE", "/internal/auth/webhooks/" + endpoint, mine.owner(), null)
                        .status())
                .isEqualTo(204);
        assertThat(call("GET", "/internal/auth/webhooks", mine.owner(), null)
                        .body()
                        .toString())
                .doesNotContain(endpoint);
    }

    private static Webhook newVerifier(String secret) {
        try {
            return new Webhook(secret);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
