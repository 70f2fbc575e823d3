package dev.latchkey.app;

import static dev.latchkey.app.Reply.assertProblem;
import static dev.latchkey.app.TestApps.request;
import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.app.config.LatchkeyConfiguration;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.Invocation;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Seed 003 §4 through /authz/check: sensitive mutations by workloads need an explicit approval bound
 * to the exact action and body, used once; people with the scope are not asked.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class ApprovalsHttpTest {
    static final DropwizardAppExtension<LatchkeyConfiguration> APP = TestApps.onH2();
    private static final String BODY_A = "a".repeat(64);
    private static final String BODY_B = "b".repeat(64);
    private static final Pattern APPROVAL_ID = Pattern.compile("(apr_[A-Za-z0-9]+)");

    private String owner;
    private String workloadToken;

    private static Reply call(String method, String path, String token, Map<String, ?> body) {
        return TestApps.call(APP, method, path, token, body);
    }

    private static Invocation.Builder check(String method, String uri, String token) {
        return request(APP, "/authz/check")
                .header("X-Original-Method", method)
                .header("X-Original-URI", uri)
                .header("Authorization", "Bearer " + token);
    }

    private static String approvalIdIn(Reply reply) {
        Matcher matcher = APPROVAL_ID.matcher(reply.string("detail"));
        assertThat(matcher.find()).as(reply.string("detail")).isTrue();
        return matcher.group(1);
    }

    @BeforeEach
    void workloadActingForTheOwner() {
        AgentFixtures.Delegated delegated = AgentFixtures.workloadActingForAnOwner(APP, List.of("pipelines:*"));
        owner = delegated.owner();
        workloadToken = delegated.workloadToken();
    }

    @Test
    void aWorkloadsSensitiveActionWaitsForAnApprovalOfExactlyThatActionAndUsesItOnce() {
        Reply first = Reply.of(check("DELETE", "/api/pipelines/p_7", workloadToken)
                .header("X-Latchkey-Body-SHA256", BODY_A)
                .get());
        assertProblem(first, 403, "approval_required");
        assertThat(first.string("detail")).contains("dry run").contains("DELETE /api/pipelines/p_7");
        String approval = approvalIdIn(first);

        Reply pending = call("GET", "/internal/auth/approvals", owner, null);
        assertThat(pending.body().toString())
                .contains(approval)
                .contains("method=DELETE")
                .contains("resource=/api/pipelines/p_7")
                .contains(BODY_A);
        assertThat(call("POST", "/internal/auth/approvals/" + approval + "/approve", owner, Map.of())
                        .body())
                .containsEntry("status", "approved");

        Reply changedBody = Reply.of(check("DELETE", "/api/pipelines/p_7", workloadToken)
                .header("X-Latchkey-Body-SHA256", BODY_B)
                .header("X-Latchkey-Approval", approval)
                .get());
        assertProblem(changedBody, 403, "approval_required");
        Reply otherResource = Reply.of(check("DELETE", "/api/pipelines/p_8", workloadToken)
                .header("X-Latchkey-Body-SHA256", BODY_A)
                .header("X-Latchkey-Approval", approval)
                .get());
        assertProblem(otherResource, 403, "approval_required");

        Reply approved = Reply.of(check("DELETE", "/api/pipelines/p_7", workloadToken)
                .header("X-Latchkey-Body-SHA256", BODY_A)
                .header("X-Latchkey-Approval", approval)
                .get());
        assertThat(approved.status()).isEqualTo(200);
        assertThat(approved.header("X-Latchkey-Credential-Kind")).isEqualTo("workload_token");
        assertThat(approved.header("X-Latchkey-Approved-Body-SHA256"))
                .as("what the upstream must receive")
                .isEqualTo(BODY_A);

        Reply replay = Reply.of(check("DELETE", "/api/pipelines/p_7", workloadToken)
                .header("X-Latchkey-Body-SHA256", BODY_A)
                .header("X-Latchkey-Approval", approval)
                .get());
        assertProblem(replay, 403, "approval_required");
    }

    private Reply attempt(String path, String body, String approval) {
        Invocation.Builder request = check("DELETE", path, workloadToken).header("X-Latchkey-Body-SHA256", body);
        if (approval != null) {
            request = request.header("X-Latchkey-Approval", approval);
        }
        return Reply.of(request.get());
    }

    @SuppressWarnings("unchecked")
    private int pendingCount() {
        return ((List<Object>) call("GET", "/internal/auth/approvals", owner, null)
                        .body()
                        .get("data"))
                .size();
    }

    @Test
    void retriesOfOneActionReuseOneRequestNamedInAFieldAndAHeader() {
        Reply first = attempt("/api/pipelines/p_9", BODY_A, null);
        String id = first.string("approval_id");
        assertThat(id).startsWith("apr_");
        assertThat(first.string("approval_status")).isEqualTo("pending");
        assertThat(first.header("X-Latchkey-Approval-Id")).isEqualTo(id);
        for (int i = 0; i < 4; i++) {
            assertThat(attempt("/api/pipelines/p_9", BODY_A, null).string("approval_id"))
                    .as("retry %d", i)
                    .isEqualTo(id);
        }
        assertThat(pendingCount()).as("five identical attempts, one request").isEqualTo(1);
        assertThat(attempt("/api/pipelines/p_9", BODY_B, null).string("approval_id"))
                .as("another body is another action")
                .isNotEqualTo(id);
    }

    @Test
    void theWorkloadFollowsItsRequestAndEveryRefusalSaysWhy() {
        Reply asked = attempt("/api/pipelines/p_3", BODY_A, null);
        assertThat(asked.string("approval_refusal")).isEqualTo("not_presented");
        String id = asked.string("approval_id");
        assertThat(call("GET", "/internal/auth/approvals/" + id, workloadToken, null)
                        .body())
                .containsEntry("status", "pending")
                .containsEntry("resource", "/api/pipelines/p_3");

        Reply stillPending = attempt("/api/pipelines/p_3", BODY_A, id);
        assertThat(stillPending.string("detail")).contains("still pending");
        assertThat(stillPending.string("approval_refusal")).isEqualTo("still_pending");
        assertThat(stillPending.string("approval_id")).isEqualTo(id);
        Reply mismatched = attempt("/api/pipelines/p_4", BODY_A, id);
        assertThat(mismatched.string("detail")).contains("another action");
        assertThat(mismatched.string("approval_refusal")).isEqualTo("other_action");
        Reply unknown = attempt("/api/pipelines/p_3", BODY_A, "apr_unknown");
        assertThat(unknown.string("detail")).contains("not known");
        assertThat(unknown.string("approval_refusal")).isEqualTo("unknown");

        call("POST", "/internal/auth/approvals/" + id + "/approve", owner, Map.of());
        assertThat(call("GET", "/internal/auth/approvals/" + id, workloadToken, null)
                        .body())
                .containsEntry("status", "approved");
        assertThat(attempt("/api/pipelines/p_3", BODY_A, id).status()).isEqualTo(200);
        assertThat(call("GET", "/internal/auth/approvals/" + id, workloadToken, null)
                        .body())
                .containsEntry("status", "used");
        Reply replayed = attempt("/api/pipelines/p_3", BODY_A, id);
        assertThat(replayed.string("detail")).contains("already used");
        assertThat(replayed.string("approval_refusal")).isEqualTo("used");
        assertThat(replayed.string("approval_id")).isNotEqualTo(id);

        String rejected = attempt("/api/pipelines/p_5", BODY_A, null).string("approval_id");
        call("POST", "/internal/auth/approvals/" + rejected + "/reject", owner, Map.of());
        int before = pendingCount();
        Reply no = attempt("/api/pipelines/p_5", BODY_A, rejected);
        assertProblem(no, 403, "approval_required");
        assertThat(no.string("approval_status")).isEqualTo("rejected");
        assertThat(no.string("detail")).contains("was rejected");
        assertThat(no.string("approval_refusal")).isEqualTo("rejected");
        assertThat(pendingCount())
                .as("a rejection is not re-asked behind the admin's back")
                .isEqualTo(before);
    }

    @Test
    void onlyTheRequestingWorkloadAndItsAdminsSeeARequestAndAWorkloadCannotFloodTheQueue() {
        String id = attempt("/api/pipelines/p_1", BODY_A, null).string("approval_id");
        String email = "x-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        String stranger = call(
                        "POST",
                        "/workspaces/bootstrap",
                        Reply.of(request(APP, "/auth/register")
                                        .post(Entity.json(
                                                Map.of("email", email, "password", "correct horse battery staple"))))
                                .string("access_token"),
                        Map.of())
                .string("access_token");
        assertProblem(call("GET", "/internal/auth/approvals/" + id, stranger, null), 404, "not_found");
        assertThat(call("GET", "/internal/auth/approvals/" + id, owner, null).status())
                .isEqualTo(200);

        for (int i = 2; i <= dev.latchkey.domain.approval.SensitiveActions.MAX_PENDING_PER_WORKLOAD; i++) {
            assertProblem(attempt("/api/pipelines/p_" + i, BODY_A, null), 403, "approval_required");
        }
        Reply flood = attempt("/api/pipelines/p_999", BODY_A, null);
        assertProblem(flood, 429, "rate_limited");
        assertThat(flood.header("Retry-After")).isNotNull();
        assertThat(attempt("/api/pipelines/p_1", BODY_A, null).string("approval_id"))
                .as("its waiting requests are still answered")
                .isEqualTo(id);
    }

    @Test
    void aRejectedApprovalLetsNothingThroughAndCannotBeDecidedAgain() {
        String approval = approvalIdIn(Reply.of(
                check("POST", "/api/pipelines/p_1/publish", workloadToken).get()));

        assertThat(call("POST", "/internal/auth/approvals/" + approval + "/reject", owner, Map.of())
                        .body())
                .containsEntry("status", "rejected");
        assertProblem(
                call("POST", "/internal/auth/approvals/" + approval + "/approve", owner, Map.of()), 409, "conflict");
        assertProblem(
                Reply.of(check("POST", "/api/pipelines/p_1/publish", workloadToken)
                        .header("X-Latchkey-Approval", approval)
                        .get()),
                403,
                "approval_required");
    }

    @Test
    void aRejectionsReasonReachesTheWorkloadInItsStatusAndItsNextRefusal() {
        String id = attempt("/api/pipelines/p_7", BODY_A, null).string("approval_id");
        assertProblem(
                call("POST", "/internal/auth/approvals/" + id + "/reject", owner, Map.of("reason", "x".repeat(501))),
                400,
                "invalid_request");
        assertProblem(
                call("POST", "/internal/auth/approvals/" + id + "/reject", owner, Map.of("reason", "two\nlines")),
                400,
                "invalid_request");
        assertThat(call("GET", "/internal/auth/approvals/" + id, workloadToken, null)
                        .body())
                .as("a refused decision decides nothing")
                .containsEntry("status", "pending");

        Reply rejected = call(
                "POST",
                "/internal/auth/approvals/" + id + "/reject",
                owner,
                Map.of("reason", " Not during the freeze "));
        assertThat(rejected.body())
                .containsEntry("status", "rejected")
                .containsEntry("reason", "Not during the freeze");
        assertThat(call("GET", "/internal/auth/approvals/" + id, workloadToken, null)
                        .body())
                .containsEntry("status", "rejected")
                .containsEntry("reason", "Not during the freeze");
        assertThat(attempt("/api/pipelines/p_7", BODY_A, id).string("detail"))
                .contains("was rejected (Not during the freeze)");
    }

    @Test
    void aWebhookReceiverMustBeHttpsOnAPublicAddressByDefault() {
        assertProblem(
                call("POST", "/internal/auth/webhooks", owner, Map.of("url", "http://hooks.example.com/in")),
                400,
                "invalid_request");
        Reply internal =
                call("POST", "/internal/auth/webhooks", owner, Map.of("url", "https://127.0.0.1/latest/meta-data"));
        assertProblem(internal, 400, "invalid_request");
        assertThat(internal.string("detail")).contains("private or local address");
        Reply metadata = call("POST", "/internal/auth/webhooks", owner, Map.of("url", "https://169.254.169.254/"));
        assertProblem(metadata, 400, "invalid_request");
    }

    @Test
    void peopleWithTheScopeAreNotAskedAndScopesStillApply() {
        assertThat(Reply.of(check("DELETE", "/api/pipelines/p_9", owner).get()).status())
                .isEqualTo(200);
        assertThat(Reply.of(check("GET", "/api/pipelines/p_9/runs", workloadToken)
                                .get())
                        .status())
                .isEqualTo(200);
        assertProblem(
                Reply.of(check("DELETE", "/api/pipelines/p_9", workloadToken)
                        .header("X-Latchkey-Body-SHA256", "not-a-hash")
                        .get()),
                400,
                "invalid_request");
    }
}
