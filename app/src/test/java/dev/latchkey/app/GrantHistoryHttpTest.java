package dev.latchkey.app;

import static dev.latchkey.app.Reply.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.app.config.LatchkeyConfiguration;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code explain?at=}: what a grant granted at a past moment, rebuilt from the audit trail — after
 * its policy was narrowed, and after it was revoked, the earlier answers stay what they were.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class GrantHistoryHttpTest {
    static final DropwizardAppExtension<LatchkeyConfiguration> APP = TestApps.onH2();

    private static Reply call(String method, String path, String token, Map<String, ?> body) {
        return TestApps.call(APP, method, path, token, body);
    }

    /** The moment now, with the events on either side of it a little apart (stored times are precise to the µs). */
    private static Instant moment() throws InterruptedException {
        Thread.sleep(30);
        Instant now = Instant.now();
        Thread.sleep(30);
        return now;
    }

    private static Reply explainAt(AgentFixtures.Delegated d, Object at) {
        return explainAt(d.grantId(), at, d.owner());
    }

    private static Reply explainAt(String grant, Object at, String token) {
        return Reply.of(TestApps.target(APP, "/internal/auth/delegation-grants/" + grant + "/explain")
                .queryParam("at", at)
                .request()
                .header("Authorization", "Bearer " + token)
                .get());
    }

    @Test
    @SuppressWarnings("unchecked")
    void aGrantsPastIsAnsweredFromTheAuditTrailAsItWasThen() throws InterruptedException {
        Instant before = moment();
        AgentFixtures.Delegated d = AgentFixtures.workloadActingForAnOwner(APP, List.of("pipelines:*"));
        Instant wide = moment();
        String narrower = call(
                        "POST",
                        "/internal/auth/workload-policies",
                        d.owner(),
                        Map.of("workload_id", d.workloadId(), "scopes", List.of("pipelines:read")))
                .string("id");
        call("POST", "/internal/auth/workload-policies/" + narrower + "/approve", d.owner(), Map.of());
        Instant narrowed = moment();
        call("DELETE", "/internal/auth/delegation-grants/" + d.grantId(), d.owner(), null);
        Instant revoked = moment();

        Reply first = explainAt(d, wide);
        assertThat(first.status()).as(first.body().toString()).isEqualTo(200);
        assertThat(first.body())
                .containsEntry("grant_state", "active")
                .containsEntry("workload_state", "active")
                .containsEntry("user_role", "owner")
                .containsEntry("audit_trail_intact", true)
                .containsEntry("effective", List.of("pipelines:*"));
        assertThat(((List<Map<String, Object>>) first.body().get("evidence")))
                .extracting(e -> e.get("action"))
                .contains("workload.registered", "workload_policy.approved");

        Reply second = explainAt(d, narrowed);
        assertThat(second.body())
                .containsEntry("policy_id", narrower)
                .containsEntry("effective", List.of("pipelines:read"));
        assertThat(((Map<String, Object>) second.body().get("terms")).get("policy_scopes"))
                .isEqualTo(List.of("pipelines:read"));

        assertThat(explainAt(d, revoked).body())
                .containsEntry("grant_state", "revoked")
                .containsEntry("effective", List.of());
        assertThat(explainAt(d, before).body()).containsEntry("grant_state", "not_yet_created");
        assertThat(call("GET", "/internal/auth/delegation-grants/" + d.grantId() + "/explain", d.owner(), null)
                        .body())
                .as("without at: the current terms, as before")
                .containsKey("outcomes")
                .doesNotContainKey("grant_state");
    }

    @Test
    void aMomentThatIsNotAnInstantOrIsStillToComeIsRefused() {
        AgentFixtures.Delegated d = AgentFixtures.workloadActingForAnOwner(APP, List.of("pipelines:*"));

        assertProblem(explainAt(d, Instant.now().plusSeconds(3600)), 400, "invalid_request");
        assertProblem(explainAt(d, "yesterday"), 400, "invalid_request");
        AgentFixtures.Delegated stranger = AgentFixtures.workloadActingForAnOwner(APP, List.of("pipelines:*"));
        assertProblem(explainAt(d.grantId(), Instant.now(), stranger.owner()), 404, "not_found");
    }
}
