package dev.latchkey.app;

import static dev.latchkey.app.Reply.assertProblem;
import static dev.latchkey.app.TestApps.request;
import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.app.config.LatchkeyConfiguration;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.client.Entity;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Seed 003 §3 and §6 over HTTP: workloads, policy decisions, least-privilege grants and their explanations. */
@ExtendWith(DropwizardExtensionsSupport.class)
class AgentGovernanceHttpTest {
    static final DropwizardAppExtension<LatchkeyConfiguration> APP = TestApps.onH2();
    private static final String PASSWORD = "correct horse battery staple";

    private String owner;
    private String member;
    private String memberId;

    private static Reply call(String method, String path, String token, Map<String, ?> body) {
        return TestApps.call(APP, method, path, token, body);
    }

    private static String email() {
        return "a-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    /** A person whose address is proven (its mailed link followed): only such a person joins on invitation. */
    private static String register(String email) {
        return TestApps.registerVerified(APP, email, PASSWORD);
    }

    @BeforeEach
    void ownerAndMember() {
        owner = call("POST", "/workspaces/bootstrap", register(email()), Map.of())
                .string("access_token");
        String memberEmail = email();
        register(memberEmail);
        call("POST", "/members", owner, Map.of("email", memberEmail, "role", "member"));
        member = Reply.of(request(APP, "/auth/login")
                        .post(Entity.json(Map.of("email", memberEmail, "password", PASSWORD))))
                .string("access_token");
        memberId = (String) call("GET", "/whoami", member, null).body().get("actor_id");
    }

    private String workloadWithApprovedPolicy(List<String> scopes) {
        Reply registered = call("POST", "/internal/auth/workloads", owner, Map.of("name", "ingest agent"));
        assertThat(registered.status()).isEqualTo(201);
        String workload = registered.string("id");
        String policy = call(
                        "POST",
                        "/internal/auth/workload-policies",
                        owner,
                        Map.of("workload_id", workload, "scopes", scopes))
                .string("id");
        assertThat(call("POST", "/internal/auth/workload-policies/" + policy + "/approve", owner, Map.of())
                        .status())
                .isEqualTo(200);
        return workload;
    }

    @Test
    void aWorkloadIsRegisteredWithASecretShownOnceAndPoliciesAreDecidedByAdminsOnly() {
        Reply registered = call("POST", "/internal/auth/workloads", owner, Map.of("name", "nightly compiler"));
        assertThat(registered.status()).isEqualTo(201);
        assertThat(registered.string("secret")).startsWith("wk_").hasSizeGreaterThan(40);
        String workload = registered.string("id");
        assertThat(call("GET", "/internal/auth/workloads", owner, null).body().toString())
                .contains(workload)
                .doesNotContain(registered.string("secret"));

        Reply proposed = call(
                "POST",
                "/internal/auth/workload-policies",
                owner,
                Map.of("workload_id", workload, "scopes", List.of("pipelines:read", "pipelines:compile")));
        assertThat(proposed.status()).isEqualTo(201);
        assertThat(proposed.body()).containsEntry("status", "proposed");
        String policy = proposed.string("id");
        assertThat(call("GET", "/internal/auth/workload-policies", owner, null)
                        .body()
                        .toString())
                .contains(policy);

        assertProblem(
                call("POST", "/internal/auth/workload-policies/" + policy + "/approve", member, Map.of()),
                403,
                "insufficient_scope");
        Reply approved = call("POST", "/internal/auth/workload-policies/" + policy + "/approve", owner, Map.of());
        assertThat(approved.body()).containsEntry("status", "approved").containsKey("decided_at");
        assertThat(approved.string("decided_by")).startsWith("usr_");
        assertProblem(
                call("POST", "/internal/auth/workload-policies/" + policy + "/approve", owner, Map.of()),
                409,
                "conflict");
    }

    @Test
    void aGrantIsTheIntersectionOfUserPolicyAndRequestAndExplainsItself() {
        String workload = workloadWithApprovedPolicy(List.of("records:read", "pipelines:*"));

        Reply created = call(
                "POST",
                "/internal/auth/delegation-grants",
                member,
                Map.of("workload_id", workload, "scopes", List.of("records:*", "pipelines:read"), "expires_in", 600));

        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        @SuppressWarnings("unchecked")
        Map<String, Object> explanation = (Map<String, Object>) created.body().get("explanation");
        assertThat(explanation).containsEntry("effective", List.of("records:read"));
        assertThat(explanation.get("outcomes").toString())
                .contains("scope=records:*, fate=narrowed, limited_by=[policy]")
                .contains("scope=pipelines:read, fate=removed, limited_by=[user]");
        @SuppressWarnings("unchecked")
        String grant = (String) ((Map<String, Object>) created.body().get("grant")).get("id");
        assertThat(call("GET", "/internal/auth/delegation-grants/" + grant + "/explain", member, null)
                        .body())
                .containsEntry("effective", List.of("records:read"));
    }

    @Test
    void anEmptyIntersectionIsRefusedNamingWhatWasMissingAndADryRunOnlyExplains() {
        String workload = workloadWithApprovedPolicy(List.of("pipelines:read"));

        Reply dryRun = call(
                "POST",
                "/internal/auth/delegation-grants",
                member,
                Map.of("workload_id", workload, "scopes", List.of("pipelines:read"), "dry_run", true));
        assertThat(dryRun.status()).isEqualTo(200);
        assertThat(dryRun.body()).containsEntry("dry_run", true).doesNotContainKey("grant");

        Reply refused = call(
                "POST",
                "/internal/auth/delegation-grants",
                member,
                Map.of("workload_id", workload, "scopes", List.of("pipelines:read")));
        assertProblem(refused, 403, "insufficient_scope");
        assertThat(refused.string("detail")).contains("pipelines:read").contains("user");
        assertThat(call("GET", "/internal/auth/delegation-grants", member, null)
                        .body()
                        .get("data"))
                .asList()
                .isEmpty();
    }

    @Test
    void narrowingThePolicyNarrowsOutstandingGrantsAtOnce() {
        String workload = workloadWithApprovedPolicy(List.of("records:*"));
        @SuppressWarnings("unchecked")
        String grant = (String) ((Map<String, Object>) call(
                                "POST",
                                "/internal/auth/delegation-grants",
                                member,
                                Map.of("workload_id", workload, "scopes", List.of("records:*")))
                        .body()
                        .get("grant"))
                .get("id");

        String narrower = call(
                        "POST",
                        "/internal/auth/workload-policies",
                        owner,
                        Map.of("workload_id", workload, "scopes", List.of("records:read")))
                .string("id");
        call("POST", "/internal/auth/workload-policies/" + narrower + "/approve", owner, Map.of());

        assertThat(call("GET", "/internal/auth/delegation-grants/" + grant + "/explain", member, null)
                        .body())
                .containsEntry("effective", List.of("records:read"));
        String policies = call("GET", "/internal/auth/workloads/" + workload + "/policies", owner, null)
                .body()
                .toString();
        assertThat(policies).contains("superseded").contains("approved");
    }

    @Test
    void grantsAreRevokedByTheirUserOrAnAdminAndInvisibleToOthers() {
        String workload = workloadWithApprovedPolicy(List.of("records:read"));
        @SuppressWarnings("unchecked")
        String grant = (String) ((Map<String, Object>) call(
                                "POST",
                                "/internal/auth/delegation-grants",
                                member,
                                Map.of("workload_id", workload, "scopes", List.of("records:read")))
                        .body()
                        .get("grant"))
                .get("id");
        String outsiderEmail = email();
        register(outsiderEmail);
        call("POST", "/members", owner, Map.of("email", outsiderEmail, "role", "viewer"));
        String outsider = Reply.of(request(APP, "/auth/login")
                        .post(Entity.json(Map.of("email", outsiderEmail, "password", PASSWORD))))
                .string("access_token");

        assertProblem(call("DELETE", "/internal/auth/delegation-grants/" + grant, outsider, null), 404, "not_found");
        assertThat(call("DELETE", "/internal/auth/delegation-grants/" + grant, member, null)
                        .status())
                .isEqualTo(204);
        assertThat(call("GET", "/internal/auth/delegation-grants", owner, null)
                        .body()
                        .toString())
                .contains(grant)
                .contains("status=revoked")
                .contains(memberId);
    }
}
