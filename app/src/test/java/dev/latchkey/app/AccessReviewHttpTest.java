package dev.latchkey.app;

import static dev.latchkey.app.Reply.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.app.config.LatchkeyConfiguration;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The access review before a release: for one route of the guarded API (latchkey-test.yml), every
 * principal of the workspace that reaches it now, through what, and whether approval stands between.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class AccessReviewHttpTest {
    static final DropwizardAppExtension<LatchkeyConfiguration> APP = TestApps.onH2();

    private static Reply review(String token, String method, String path) {
        return Reply.of(TestApps.target(APP, "/internal/auth/access-review")
                .queryParam("method", method)
                .queryParam("path", path)
                .request()
                .header("Authorization", "Bearer " + token)
                .get());
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> principals(Reply reply) {
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(200);
        return (List<Map<String, Object>>) reply.body().get("principals");
    }

    private static List<Object> ids(Reply reply) {
        return principals(reply).stream().map(p -> p.get("id")).toList();
    }

    @Test
    void eachPrincipalThatReachesARouteIsNamedWithWhatItGoesThrough() {
        AgentFixtures.Delegated d = AgentFixtures.workloadActingForAnOwner(APP, List.of("pipelines:*"));
        String reader = TestApps.call(
                        APP,
                        "POST",
                        "/api-keys",
                        d.owner(),
                        Map.of("name", "dashboard", "scopes", List.of("pipelines:read")))
                .string("id");
        AgentFixtures.Delegated elsewhere = AgentFixtures.workloadActingForAnOwner(APP, List.of("pipelines:*"));

        Reply delete = review(d.owner(), "DELETE", "/api/pipelines/p_1");
        assertThat(delete.body())
                .containsEntry("posture", "sensitive")
                .containsEntry("required_scopes", List.of("pipelines:delete"));
        Map<String, Object> workload = principals(delete).stream()
                .filter(p -> d.workloadId().equals(p.get("id")))
                .findFirst()
                .orElseThrow();
        assertThat(workload)
                .containsEntry("kind", "workload")
                .containsEntry("name", "release bot")
                .containsEntry("needs_approval", true)
                .containsEntry("scopes", List.of("pipelines:delete"));
        assertThat((String) workload.get("through")).contains(d.grantId());
        assertThat(principals(delete))
                .filteredOn(p -> "person".equals(p.get("kind")))
                .extracting(p -> p.get("through"), p -> p.get("needs_approval"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("role owner", false));
        assertThat(ids(delete))
                .as("a key for reading does not delete; another workspace's workload is not this one's")
                .doesNotContain(reader, elsewhere.workloadId());

        assertThat(ids(review(d.owner(), "GET", "/api/pipelines/p_1/runs"))).contains(reader, d.workloadId());

        TestApps.call(APP, "DELETE", "/internal/auth/delegation-grants/" + d.grantId(), d.owner(), null);
        assertThat(ids(review(d.owner(), "DELETE", "/api/pipelines/p_1")))
                .as("a revoked grant reaches nothing")
                .doesNotContain(d.workloadId());
    }

    @Test
    void publicAndUnknownRoutesAndCallersWithoutTheScopeAreAnsweredPlainly() {
        AgentFixtures.Delegated d = AgentFixtures.workloadActingForAnOwner(APP, List.of("pipelines:*"));

        Reply open = review(d.owner(), "GET", "/public/docs");
        assertThat(open.body()).containsEntry("posture", "public").containsEntry("principals", List.of());
        assertProblem(review(d.owner(), "GET", "/nowhere"), 404, "not_found");
        assertProblem(review(d.owner(), "GET", "no-slash"), 400, "invalid_request");
        assertProblem(review(d.owner(), "GET /x", "/api/pipelines/p_1"), 400, "invalid_request");
        assertProblem(review(d.workloadToken(), "GET", "/api/pipelines/p_1"), 403, "insufficient_scope");
    }
}
