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

/** Memberships and roles over HTTP: changes reach the member's very next request. */
@ExtendWith(DropwizardExtensionsSupport.class)
class MembersHttpTest {
    static final DropwizardAppExtension<LatchkeyConfiguration> APP = TestApps.onH2();
    private static final String PASSWORD = "correct horse battery staple";

    private String ownerToken;
    private String workspaceId;
    private String apiKey;

    private static String freshEmail() {
        return "m-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    private static Reply call(String method, String path, String token, Map<String, ?> body) {
        return TestApps.call(APP, method, path, token, body);
    }

    /** A person whose address is proven (its mailed link followed): only such a person joins on invitation. */
    private static String register(String email) {
        return TestApps.registerVerified(APP, email, PASSWORD);
    }

    private static String login(String email) {
        Reply reply =
                Reply.of(request(APP, "/auth/login").post(Entity.json(Map.of("email", email, "password", PASSWORD))));
        assertThat(reply.status()).isEqualTo(200);
        return reply.string("access_token");
    }

    private static String userId(String token) {
        return (String) call("GET", "/whoami", token, null).body().get("actor_id");
    }

    @BeforeEach
    void ownerWithWorkspace() {
        Reply bootstrap = call("POST", "/workspaces/bootstrap", register(freshEmail()), Map.of("name", "Studio"));
        ownerToken = bootstrap.string("access_token");
        workspaceId = bootstrap.string("workspace_id");
        apiKey = bootstrap.string("api_key");
    }

    @Test
    void anInvitedExistingUserGetsTheRoleAndItsScopesAtOnce() {
        String email = freshEmail();
        register(email);

        Reply invited = call("POST", "/members", ownerToken, Map.of("email", email, "role", "viewer"));

        assertThat(invited.status()).isEqualTo(201);
        assertThat(invited.body()).containsEntry("status", "active").containsEntry("role", "viewer");
        String member = login(email);
        assertThat(call("GET", "/whoami", member, null).body())
                .containsEntry("tenant_id", workspaceId)
                .containsEntry("role", "viewer")
                .containsEntry("scopes", List.of("records:read"));
        assertProblem(call("GET", "/api-keys", member, null), 403, "insufficient_scope");
    }

    @Test
    void roleChangesAndRemovalReachTheMembersNextRequestWithTheSameToken() {
        String email = freshEmail();
        register(email);
        call("POST", "/members", ownerToken, Map.of("email", email, "role", "viewer"));
        String member = login(email);
        String memberId = userId(member);
        assertProblem(call("GET", "/api-keys", member, null), 403, "insufficient_scope");

        assertThat(call("PUT", "/members/" + memberId, ownerToken, Map.of("role", "admin"))
                        .status())
                .isEqualTo(204);
        assertThat(call("GET", "/api-keys", member, null).status()).isEqualTo(200);

        assertThat(call("DELETE", "/members/" + memberId, ownerToken, null).status())
                .isEqualTo(204);
        assertProblem(call("GET", "/api-keys", member, null), 403, "no_workspace");
        assertThat(call("GET", "/members", ownerToken, null).body().toString()).doesNotContain(memberId);
    }

    @Test
    void anInvitationForANewEmailBecomesAMembershipOnceTheAddressIsProvenNotOnRegistration() {
        String email = freshEmail();

        Reply invited = call("POST", "/members", ownerToken, Map.of("email", email.toUpperCase(), "role", "member"));
        assertThat(invited.body()).containsEntry("status", "pending").doesNotContainKey("user_id");
        assertThat(call("GET", "/members", ownerToken, null).body().toString())
                .contains(email)
                .contains("pending");

        Reply.of(request(APP, "/auth/register").post(Entity.json(Map.of("email", email, "password", PASSWORD))));
        assertThat(call("GET", "/members", ownerToken, null).body().toString())
                .as("whoever registered the address first gets nothing yet")
                .contains("pending");
        assertThat(Reply.of(request(APP, "/auth/verify-email")
                                .post(Entity.json(
                                        Map.of("token", TestApps.mailedToken(email, "Confirm your email address")))))
                        .status())
                .isEqualTo(200);
        String token = login(email);

        assertThat(call("GET", "/whoami", token, null).body())
                .containsEntry("tenant_id", workspaceId)
                .containsEntry("role", "member");
        assertProblem(call("POST", "/members", ownerToken, Map.of("email", email, "role", "member")), 409, "conflict");
    }

    @Test
    void theLastOwnerStaysAndOnlyOwnersMakeOwners() {
        String ownerId = userId(ownerToken);
        assertProblem(call("DELETE", "/members/" + ownerId, ownerToken, null), 409, "conflict");
        assertProblem(call("PUT", "/members/" + ownerId, ownerToken, Map.of("role", "viewer")), 409, "conflict");

        String email = freshEmail();
        register(email);
        call("POST", "/members", ownerToken, Map.of("email", email, "role", "admin"));
        String admin = login(email);
        assertProblem(
                call("POST", "/members", admin, Map.of("email", freshEmail(), "role", "owner")),
                403,
                "insufficient_scope");
        assertProblem(call("DELETE", "/members/" + ownerId, admin, null), 403, "insufficient_scope");
        assertProblem(
                call("POST", "/members", admin, Map.of("email", freshEmail(), "role", "emperor")),
                400,
                "invalid_request");
        assertProblem(call("DELETE", "/members/usr_nobody", ownerToken, null), 404, "not_found");
    }

    @Test
    void aDeletedWorkspaceMakesItsKeysAndTokensFailWithWorkspaceNotFound() {
        assertThat(Reply.of(request(APP, "/whoami").header("X-API-Key", apiKey).get())
                        .status())
                .isEqualTo(200);
        assertProblem(call("DELETE", "/workspaces/ws_someone_else", ownerToken, null), 404, "not_found");

        assertThat(call("DELETE", "/workspaces/" + workspaceId, ownerToken, null)
                        .status())
                .isEqualTo(204);

        assertProblem(
                Reply.of(request(APP, "/whoami").header("X-API-Key", apiKey).get()), 401, "workspace_not_found");
        assertProblem(call("GET", "/whoami", ownerToken, null), 401, "workspace_not_found");
    }
}
