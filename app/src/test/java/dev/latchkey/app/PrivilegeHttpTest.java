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

/**
 * Nobody gets more than they were given, over HTTP: rolling a key, mapping an identity, approving
 * a policy never exceed the caller; governance belongs to people; a token id is revoked only under
 * the grant that issued it; a deleted workspace's workload tokens stop. Each case was reproduced
 * against the code before its fix.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class PrivilegeHttpTest {
    static final DropwizardAppExtension<LatchkeyConfiguration> APP = TestApps.onH2();

    private String owner;
    private String ownerKey;
    private String tenant;

    private static Reply call(String method, String path, String token, Map<String, ?> body) {
        return TestApps.call(APP, method, path, token, body);
    }

    private static String signUp() {
        String email = "p-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        return Reply.of(request(APP, "/auth/register")
                        .post(Entity.json(Map.of("email", email, "password", "correct horse battery staple"))))
                .string("access_token");
    }

    @BeforeEach
    void aWorkspaceWithItsOwner() {
        Reply bootstrap = call("POST", "/workspaces/bootstrap", signUp(), Map.of());
        owner = bootstrap.string("access_token");
        ownerKey = bootstrap.string("api_key");
        tenant = bootstrap.string("workspace_id");
    }

    private String key(String withKey, List<String> scopes) {
        Reply created = call("POST", "/api-keys", withKey, Map.of("name", "k", "scopes", scopes));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        return created.string("key");
    }

    private String keyId(String key) {
        return call("GET", "/whoami", key, null).string("credential_id");
    }

    @Test
    void rollingAKeyWiderThanTheCallerIsRefusedAndChangesNothing() {
        String keysOnly = key(ownerKey, List.of("api_keys:write", "api_keys:read"));

        assertProblem(
                call("POST", "/api-keys/" + keyId(ownerKey) + "/roll", keysOnly, Map.of()), 403, "insufficient_scope");
        assertThat(call("GET", "/whoami", ownerKey, null).status())
                .as("the owner's key still works")
                .isEqualTo(200);
        assertThat(call("GET", "/api-keys", ownerKey, null).body().get("data"))
                .asList()
                .hasSize(2);
    }

    @Test
    void aKeyIsRolledOnceAndASecondRollIsAConflict() {
        String reader = key(ownerKey, List.of("records:read"));
        assertThat(call("POST", "/api-keys/" + keyId(reader) + "/roll", ownerKey, Map.of())
                        .status())
                .isEqualTo(201);

        assertProblem(call("POST", "/api-keys/" + keyId(reader) + "/roll", ownerKey, Map.of()), 409, "conflict");
        assertThat(call("GET", "/api-keys", ownerKey, null).body().get("data"))
                .asList()
                .as("the owner's key, the reader and one replacement")
                .hasSize(3);
    }

    @Test
    void anAdminCannotMakeAnOwnerThroughAMappingNorHandOutOwnerScopes() {
        String adminEmail = "a-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        String adminSignup = TestApps.registerVerified(APP, adminEmail, "correct horse battery staple");
        assertThat(call("POST", "/members", owner, Map.of("email", adminEmail, "role", "admin"))
                        .status())
                .isEqualTo(201);
        String admin = Reply.of(request(APP, "/auth/login")
                        .post(Entity.json(Map.of("email", adminEmail, "password", "correct horse battery staple"))))
                .string("access_token");
        assertThat(adminSignup).isNotBlank();

        assertProblem(
                call(
                        "PUT",
                        "/actor-mappings",
                        admin,
                        Map.of("subject", "user_01MALLORY", "kind", "human", "role", "owner")),
                403,
                "insufficient_scope");
        assertProblem(
                call(
                        "PUT",
                        "/actor-mappings",
                        admin,
                        Map.of(
                                "subject",
                                "user_01MALLORY",
                                "kind",
                                "human",
                                "role",
                                "member",
                                "owner_scopes",
                                List.of("studio_everyone"))),
                403,
                "insufficient_scope");
        assertThat(call(
                                "PUT",
                                "/actor-mappings",
                                admin,
                                Map.of("subject", "user_01MALLORY", "kind", "human", "role", "member"))
                        .status())
                .as("within the admin's own scopes")
                .isEqualTo(200);
        assertThat(call(
                                "PUT",
                                "/actor-mappings",
                                owner,
                                Map.of(
                                        "subject",
                                        "user_01ARTIST",
                                        "kind",
                                        "human",
                                        "role",
                                        "member",
                                        "owner_scopes",
                                        List.of("studio_1")))
                        .status())
                .as("an owner may")
                .isEqualTo(200);
    }

    @Test
    void aRemovedMemberCanBeInvitedAgain() {
        String email = "m-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        String member = TestApps.registerVerified(APP, email, "correct horse battery staple");
        assertThat(call("POST", "/members", owner, Map.of("email", email, "role", "member"))
                        .status())
                .isEqualTo(201);
        String memberId = call("GET", "/whoami", member, null).string("actor_id");
        assertThat(call("DELETE", "/members/" + memberId, owner, null).status()).isEqualTo(204);

        Reply again = call("POST", "/members", owner, Map.of("email", email, "role", "viewer"));
        assertThat(again.status()).as(again.body().toString()).isEqualTo(201);
        assertThat(call("GET", "/members", owner, null).body().toString())
                .contains(email)
                .contains("viewer");
    }

    @Test
    void governanceBelongsToPeopleNotToKeysEvenWithEveryScope() {
        String invitee = "i-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";

        assertProblem(
                call("POST", "/members", ownerKey, Map.of("email", invitee, "role", "admin")),
                403,
                "insufficient_scope");
        assertProblem(call("DELETE", "/workspaces/" + tenant, ownerKey, null), 403, "insufficient_scope");
        assertThat(call("POST", "/members", owner, Map.of("email", invitee, "role", "admin"))
                        .status())
                .as("the owner, a person, may")
                .isEqualTo(201);
    }

    @Test
    void aWorkloadDelegatedEverythingCannotGovernNorMintKeys() {
        Workload agent = workload(List.of("*"));

        assertProblem(
                call(
                        "POST",
                        "/internal/auth/workload-policies/" + agent.policy() + "/approve",
                        agent.token(),
                        Map.of()),
                403,
                "insufficient_scope");
        assertProblem(
                call("POST", "/api-keys", agent.token(), Map.of("name", "forever", "scopes", List.of("records:read"))),
                403,
                "insufficient_scope");
        assertProblem(call("DELETE", "/workspaces/" + tenant, agent.token(), null), 403, "insufficient_scope");
        Reply explanation = call("GET", "/internal/auth/delegation-grants/" + agent.grant() + "/explain", owner, null);
        assertThat(explanation.body().toString())
                .as("the explanation says what was withheld and why")
                .contains("approvals:decide")
                .contains("belong to people");
    }

    @Test
    void aTokenIdIsRevokedOnlyUnderTheGrantThatIssuedIt() {
        Workload victim = workload(List.of("records:read"));
        String victimJti = call("GET", "/whoami", victim.token(), null).string("credential_id");

        Reply otherTenant = call("POST", "/workspaces/bootstrap", signUp(), Map.of());
        String attacker = otherTenant.string("access_token");
        Workload attackers = workloadIn(attacker, List.of("records:read"));
        assertThat(call(
                                "DELETE",
                                "/internal/auth/delegation-grants/" + attackers.grant() + "/tokens/" + victimJti,
                                attacker,
                                null)
                        .status())
                .isEqualTo(204);

        assertThat(call("GET", "/whoami", victim.token(), null).status())
                .as("the victim's token still works")
                .isEqualTo(200);
        assertThat(call(
                                "DELETE",
                                "/internal/auth/delegation-grants/" + victim.grant() + "/tokens/" + victimJti,
                                owner,
                                null)
                        .status())
                .isEqualTo(204);
        assertProblem(call("GET", "/whoami", victim.token(), null), 401, "token_revoked");
    }

    @Test
    void aDeletedWorkspacesWorkloadTokensStopAndNoNewOneIsIssued() {
        Workload agent = workload(List.of("records:read"));
        assertThat(call("DELETE", "/workspaces/" + tenant, owner, null).status())
                .isEqualTo(204);

        assertProblem(call("GET", "/whoami", agent.token(), null), 401, "workspace_not_found");
        assertProblem(
                Reply.of(request(APP, "/internal/auth/workload-token")
                        .post(Entity.json(Map.of(
                                "workload_id",
                                agent.id(),
                                "workload_secret",
                                agent.secret(),
                                "grant_id",
                                agent.grant())))),
                401,
                "workspace_not_found");
    }

    @Test
    void afterTheirWorkspaceIsDeletedItsPeopleSignInAgainAndBootstrapAnother() {
        String email = "d-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        String person = TestApps.registerVerified(APP, email, "correct horse battery staple");
        Reply first = call("POST", "/workspaces/bootstrap", person, Map.of("name", "first"));
        assertThat(call("DELETE", "/workspaces/" + first.string("workspace_id"), first.string("access_token"), null)
                        .status())
                .isEqualTo(204);
        assertProblem(call("GET", "/whoami", first.string("access_token"), null), 401, "workspace_not_found");

        String again = Reply.of(request(APP, "/auth/login")
                        .post(Entity.json(Map.of("email", email, "password", "correct horse battery staple"))))
                .string("access_token");
        assertProblem(call("GET", "/members", again, null), 403, "no_workspace");
        Reply second = call("POST", "/workspaces/bootstrap", again, Map.of("name", "second"));
        assertThat(second.status()).isEqualTo(201);
        assertThat(second.string("workspace_id")).isNotEqualTo(first.string("workspace_id"));
    }

    @Test
    void wrongSecretsFromAnyoneLockNobodyOut() {
        String fresh = key(ownerKey, List.of("records:read"));
        for (int i = 0; i < 12; i++) {
            String guess = fresh.substring(0, 16) + "A".repeat(24) + fresh.substring(40);
            assertProblem(call("GET", "/whoami", guess, null), 401, "invalid_api_key");
        }
        assertThat(call("GET", "/whoami", fresh, null).status())
                .as("the real key, never seen before")
                .isEqualTo(200);

        Workload agent = workload(List.of("records:read"));
        for (int i = 0; i < 12; i++) {
            assertProblem(
                    Reply.of(request(APP, "/internal/auth/workload-token")
                            .post(Entity.json(Map.of(
                                    "workload_id",
                                    agent.id(),
                                    "workload_secret",
                                    "wk_wrong" + i,
                                    "grant_id",
                                    agent.grant())))),
                    401,
                    "invalid_credentials");
        }
        assertThat(Reply.of(request(APP, "/internal/auth/workload-token")
                                .post(Entity.json(Map.of(
                                        "workload_id",
                                        agent.id(),
                                        "workload_secret",
                                        agent.secret(),
                                        "grant_id",
                                        agent.grant()))))
                        .status())
                .as("the real workload secret")
                .isEqualTo(200);
    }

    record Workload(String id, String secret, String policy, String grant, String token) {}

    private Workload workload(List<String> scopes) {
        return workloadIn(owner, scopes);
    }

    @SuppressWarnings("unchecked")
    private static Workload workloadIn(String person, List<String> scopes) {
        Reply workload = call("POST", "/internal/auth/workloads", person, Map.of("name", "agent"));
        String policy = call(
                        "POST",
                        "/internal/auth/workload-policies",
                        person,
                        Map.of("workload_id", workload.string("id"), "scopes", scopes))
                .string("id");
        assertThat(call("POST", "/internal/auth/workload-policies/" + policy + "/approve", person, Map.of())
                        .status())
                .isEqualTo(200);
        // A second proposal left pending, for the workload to try approving itself.
        String pending = call(
                        "POST",
                        "/internal/auth/workload-policies",
                        person,
                        Map.of("workload_id", workload.string("id"), "scopes", scopes))
                .string("id");
        Reply created = call(
                "POST",
                "/internal/auth/delegation-grants",
                person,
                Map.of("workload_id", workload.string("id"), "scopes", scopes));
        String grant = (String) ((Map<String, Object>) created.body().get("grant")).get("id");
        String token = Reply.of(request(APP, "/internal/auth/workload-token")
                        .post(Entity.json(Map.of(
                                "workload_id",
                                workload.string("id"),
                                "workload_secret",
                                workload.string("secret"),
                                "grant_id",
                                grant))))
                .string("access_token");
        assertThat(token).as(created.body().toString()).isNotNull();
        return new Workload(workload.string("id"), workload.string("secret"), pending, grant, token);
    }
}
