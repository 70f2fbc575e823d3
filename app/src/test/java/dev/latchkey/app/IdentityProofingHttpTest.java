package dev.latchkey.app;

import static dev.latchkey.app.Reply.assertProblem;
import static dev.latchkey.app.TestApps.request;
import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.app.config.LatchkeyConfiguration;
import dev.latchkey.outbound.testing.TestIssuer;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.client.Entity;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An email address is proven before it is trusted: registering someone else's address first gains
 * nothing — no invitation, no link to their Google identity, no way into their workspace — and the
 * proven owner takes such an account over. Each case failed on the code before the fix.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class IdentityProofingHttpTest {
    private static final String GOOGLE = "https://accounts.google.com";
    private static final String CLIENT_ID = "latchkey-test.apps.googleusercontent.com";
    private static final String PASSWORD = "correct horse battery staple";

    static final TestIssuer GOOGLE_ISSUER = new TestIssuer();
    static final DropwizardAppExtension<LatchkeyConfiguration> APP =
            TestApps.onH2(ConfigOverride.config("trustedIssuers[0].jwksUrl", GOOGLE_ISSUER.jwksUrl()));

    @AfterAll
    static void stopIssuer() {
        GOOGLE_ISSUER.close();
    }

    private static String email() {
        return "v-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    private static Reply post(String path, String token, Map<String, ?> body) {
        var builder = request(APP, path);
        if (token != null) {
            builder = builder.header("Authorization", "Bearer " + token);
        }
        return Reply.of(builder.post(Entity.json(body)));
    }

    private static Reply login(String email, String password) {
        return post("/auth/login", null, Map.of("email", email, "password", password));
    }

    @Test
    void anAttackerWhoRegisteredTheVictimsAddressFirstIsLockedOutWhenTheVictimSignsInWithGoogle() {
        String victim = email();
        String attackerToken = post("/auth/register", null, Map.of("email", victim, "password", PASSWORD))
                .string("access_token");
        Reply workspace = post("/workspaces/bootstrap", attackerToken, Map.of("name", "waiting"));
        String attackerWorkspaceToken = workspace.string("access_token");

        Reply viaGoogle = post(
                "/auth/google",
                null,
                Map.of(
                        "id_token",
                        GOOGLE_ISSUER.idToken(
                                GOOGLE,
                                CLIENT_ID,
                                "google-" + UUID.randomUUID(),
                                Map.of("email", victim, "email_verified", true))));
        assertThat(viaGoogle.status()).isEqualTo(200);

        assertProblem(login(victim, PASSWORD), 401, "invalid_credentials");
        assertProblem(TestApps.call(APP, "GET", "/whoami", attackerWorkspaceToken, null), 401, "token_revoked");
        String victimToken = post(
                        "/auth/google",
                        null,
                        Map.of(
                                "id_token",
                                GOOGLE_ISSUER.idToken(
                                        GOOGLE,
                                        CLIENT_ID,
                                        "google-again-" + UUID.randomUUID(),
                                        Map.of("email", victim, "email_verified", true))))
                .string("access_token");
        assertThat(TestApps.call(APP, "GET", "/whoami", victimToken, null).status())
                .isEqualTo(200);
        Reply audit = TestApps.call(APP, "GET", "/audit-events", workspace.string("api_key"), null);
        assertThat(audit.body().toString()).as("the takeover is audited").contains("user.taken_over");
    }

    @Test
    void anInvitationWaitsForTheProvenAddressNotForWhoeverRegistersItFirst() {
        Reply owner = post("/workspaces/bootstrap", TestApps.registerVerified(APP, email(), PASSWORD), Map.of());
        String invited = email();
        assertThat(TestApps.call(
                                APP,
                                "POST",
                                "/members",
                                owner.string("access_token"),
                                Map.of("email", invited, "role", "admin"))
                        .status())
                .isEqualTo(201);

        post("/auth/register", null, Map.of("email", invited, "password", PASSWORD));
        String squatter = login(invited, PASSWORD).string("access_token");

        assertProblem(TestApps.call(APP, "GET", "/members", squatter, null), 403, "no_workspace");
        assertThat(TestApps.call(APP, "GET", "/members", owner.string("access_token"), null)
                        .body()
                        .toString())
                .contains("pending");
    }

    @Test
    void anUnprovenAccountThatIsInvitedOnlyJoinsOnceItFollowsItsLink() {
        Reply owner = post("/workspaces/bootstrap", TestApps.registerVerified(APP, email(), PASSWORD), Map.of());
        String person = email();
        post("/auth/register", null, Map.of("email", person, "password", PASSWORD));

        Reply invited = TestApps.call(
                APP, "POST", "/members", owner.string("access_token"), Map.of("email", person, "role", "member"));
        assertThat(invited.body()).containsEntry("status", "pending");

        assertThat(post(
                                "/auth/verify-email",
                                null,
                                Map.of("token", TestApps.mailedToken(person, "Confirm your email address")))
                        .status())
                .isEqualTo(200);
        assertThat(TestApps.call(APP, "GET", "/whoami", login(person, PASSWORD).string("access_token"), null)
                        .body())
                .containsEntry("tenant_id", owner.string("workspace_id"));
        assertProblem(
                post(
                        "/auth/verify-email",
                        null,
                        Map.of("token", TestApps.mailedToken(person, "Confirm your email address"))),
                400,
                "invalid_request");
    }

    @Test
    void aPasswordResetAnswersTheSameForAnyAddressAndEndsEveryToken() {
        String person = email();
        String before = TestApps.registerVerified(APP, person, PASSWORD);

        assertThat(post("/auth/password-reset", null, Map.of("email", "nobody-" + person))
                        .status())
                .isEqualTo(202);
        assertThat(post("/auth/password-reset", null, Map.of("email", person)).status())
                .isEqualTo(202);
        String token = TestApps.mailedToken(person, "Reset your Latchkey password");
        assertProblem(
                post("/auth/password-reset/confirm", null, Map.of("token", token, "password", "short")),
                400,
                "invalid_request");
        assertThat(post(
                                "/auth/password-reset/confirm",
                                null,
                                Map.of("token", "x" + token, "password", "a brand new passphrase"))
                        .status())
                .isEqualTo(400);

        String again = TestApps.mailedToken(person, "Reset your Latchkey password");
        post("/auth/password-reset", null, Map.of("email", person));
        String fresh = TestApps.mailedToken(person, "Reset your Latchkey password");
        assertThat(fresh).isNotEqualTo(again);
        assertThat(post(
                                "/auth/password-reset/confirm",
                                null,
                                Map.of("token", fresh, "password", "a brand new passphrase"))
                        .status())
                .isEqualTo(204);

        assertProblem(TestApps.call(APP, "GET", "/whoami", before, null), 401, "token_revoked");
        assertProblem(login(person, PASSWORD), 401, "invalid_credentials");
        assertThat(login(person, "a brand new passphrase").status()).isEqualTo(200);
        assertThat(post(
                                "/auth/password-reset/confirm",
                                null,
                                Map.of("token", fresh, "password", "yet another passphrase"))
                        .status())
                .as("a link works once")
                .isEqualTo(400);
    }
}
