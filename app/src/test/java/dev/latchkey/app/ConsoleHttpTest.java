package dev.latchkey.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.app.OAuthTestClient.Page;
import dev.latchkey.app.config.LatchkeyConfiguration;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The console's guards over HTTP (the browser test in e2e/console walks its pages): a session is
 * needed, every form needs the session's CSRF token, the session cookie is HttpOnly and
 * SameSite=Strict, pages run under a CSP that allows only Latchkey's own script, and an action the
 * person's role does not allow is refused by the API it goes through.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class ConsoleHttpTest {
    private static final int PORT = TestApps.freePort();
    private static final String BASE = "http://127.0.0.1:" + PORT;
    static final DropwizardAppExtension<LatchkeyConfiguration> APP = TestApps.onH2(
            ConfigOverride.config("server.applicationConnectors[0].port", Integer.toString(PORT)),
            ConfigOverride.config("oauth.issuer", BASE));
    private static final Pattern CSRF = Pattern.compile("name=\"csrf_token\" value=\"([0-9a-f]+)\"");

    private final OAuthTestClient client = new OAuthTestClient(BASE);

    private String signIn(String email) {
        Page signedIn = client.postForm("/console/login", Map.of("email", email, "password", OAuthTestClient.PASSWORD));
        assertThat(signedIn.status()).isEqualTo(303);
        assertThat(signedIn.header("set-cookie"))
                .contains("HttpOnly")
                .contains("SameSite=Strict")
                .contains("Path=/console");
        return signedIn.header("set-cookie").split(";")[0];
    }

    @Test
    void pagesNeedASessionAndFormsNeedItsToken() {
        assertThat(client.get("/console/keys").status()).isEqualTo(303);
        assertThat(client.postForm(
                                "/console/login", Map.of("email", "nobody@example.com", "password", "wrong-password"))
                        .status())
                .isEqualTo(401);

        OAuthTestClient.Person owner = client.person();
        String cookie = signIn(owner.email());
        Page keys = client.get("/console/keys", "Cookie", cookie);
        assertThat(keys.status()).isEqualTo(200);
        assertThat(keys.header("content-security-policy"))
                .contains("script-src 'self'")
                .contains("frame-ancestors 'none'")
                .doesNotContain("unsafe-inline");
        assertThat(keys.body())
                .contains("<script src=\"/console/assets/console.js\" defer></script>")
                .doesNotContain("<script>");
        Matcher csrf = CSRF.matcher(keys.body());
        assertThat(csrf.find()).isTrue();

        Page forged = client.postForm(
                "/console/keys/create", Map.of("name", "forged", "csrf_token", "0".repeat(64)), "Cookie", cookie);
        assertThat(forged.status()).isEqualTo(403);
        Page created = client.postForm(
                "/console/keys/create",
                Map.of("name", "console key", "scopes", "", "csrf_token", csrf.group(1)),
                "Cookie",
                cookie);
        assertThat(created.status()).isEqualTo(200);
        assertThat(created.body()).contains("shown this once").containsPattern("sk_live_[A-Za-z0-9]{38}");
        assertThat(client.get("/console/assets/console.js").body()).contains("navigator.clipboard");
    }

    @Test
    void anAdminCreatesAMachineClientInTheConsoleSeesItsSecretOnceAndDeletesIt() {
        OAuthTestClient.Person owner = client.person();
        String cookie = signIn(owner.email());
        Page clients = client.get("/console/clients", "Cookie", cookie);
        assertThat(clients.status()).isEqualTo(200);
        assertThat(clients.body()).contains("Machine clients");
        Matcher csrf = CSRF.matcher(clients.body());
        assertThat(csrf.find()).isTrue();

        Page created = client.postForm(
                "/console/clients/create",
                Map.of("name", "nightly export", "scopes", "records:read", "csrf_token", csrf.group(1)),
                "Cookie",
                cookie);
        assertThat(created.status()).isEqualTo(200);
        assertThat(created.body()).contains("shown this once").contains("nightly export");
        Matcher shown = Pattern.compile("Secret of machine client nightly export \\((mcl_[A-Za-z0-9]+)\\)")
                .matcher(created.body());
        assertThat(shown.find()).as(created.body()).isTrue();
        String clientId = shown.group(1);
        Matcher secret = Pattern.compile("id=\"secret\">([A-Za-z0-9]{43})<").matcher(created.body());
        assertThat(secret.find()).as("the secret is on the page once").isTrue();

        Page token = client.postForm(
                "/oauth/token",
                Map.of("grant_type", "client_credentials"),
                "Authorization",
                OAuthTestClient.basic(clientId, secret.group(1)));
        assertThat(token.status()).as(token.body()).isEqualTo(200);
        assertThat(client.get("/console/clients", "Cookie", cookie).body())
                .contains(clientId)
                .doesNotContain(secret.group(1));

        Page deleted = client.postForm(
                "/console/clients/" + clientId + "/delete", Map.of("csrf_token", csrf.group(1)), "Cookie", cookie);
        assertThat(deleted.body()).contains("Done.");
        assertThat(client.get(
                                "/whoami",
                                "Authorization",
                                "Bearer " + token.json().get("access_token"))
                        .status())
                .isEqualTo(401);
    }

    @Test
    void whatTheRoleDoesNotAllowTheApiRefusesAndThePageSays() {
        OAuthTestClient.Person owner = client.person();
        String email = "viewer-" + System.nanoTime() + "@example.com";
        client.postJson("/auth/register", Map.of("email", email, "password", OAuthTestClient.PASSWORD), null);
        client.postJson(
                "/auth/verify-email", Map.of("token", TestApps.mailedToken(email, "Confirm your email address")), null);
        client.postJson("/members", Map.of("email", email, "role", "viewer"), owner.token());
        String cookie = signIn(email);
        Page keys = client.get("/console/keys", "Cookie", cookie);
        assertThat(keys.body()).contains("Cannot show API keys").contains("insufficient_scope");
        Matcher csrf = CSRF.matcher(keys.body());
        assertThat(csrf.find()).isTrue();
        Page refused = client.postForm(
                "/console/keys/create", Map.of("name", "nope", "csrf_token", csrf.group(1)), "Cookie", cookie);
        assertThat(refused.body()).contains("Not done").contains("insufficient_scope");
    }

    @Test
    void theConsoleCookieIsASessionNoApiBearerAndLogoutEndsIt() {
        OAuthTestClient.Person owner = client.person();
        String cookie = signIn(owner.email());
        String value = cookie.substring(cookie.indexOf('=') + 1);
        Reply asBearer = Reply.of(TestApps.request(APP, "/whoami")
                .header("Authorization", "Bearer " + value)
                .get());
        Reply.assertProblem(asBearer, 401, "invalid_jwt");

        Page keys = client.get("/console/keys", "Cookie", cookie);
        assertThat(keys.status()).isEqualTo(200);
        assertThat(keys.header("set-cookie"))
                .as("each view renews the session")
                .startsWith("latchkey_console=")
                .contains("HttpOnly");
        String renewed = keys.header("set-cookie").split(";")[0];
        Matcher csrf = CSRF.matcher(keys.body());
        assertThat(csrf.find()).isTrue();

        Page out = client.postForm("/console/logout", Map.of("csrf_token", csrf.group(1)), "Cookie", renewed);
        assertThat(out.status()).isEqualTo(303);

        assertThat(client.get("/console/keys", "Cookie", cookie).status())
                .as("the first cookie")
                .isEqualTo(303);
        assertThat(client.get("/console/keys", "Cookie", renewed).status())
                .as("its renewal")
                .isEqualTo(303);
    }
}
