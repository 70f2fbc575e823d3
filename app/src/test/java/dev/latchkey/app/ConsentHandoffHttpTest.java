package dev.latchkey.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.app.OAuthTestClient.HandedOff;
import dev.latchkey.app.OAuthTestClient.Page;
import dev.latchkey.app.OAuthTestClient.Pkce;
import dev.latchkey.app.config.LatchkeyConfiguration;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The login and consent handoff of the Salty profile (seed 004: "Salty 302-redirects to
 * /oauth/consent on apps/web where the user clicks Approve"), and what it must never allow: a
 * decision by anyone but the person, in a workspace not theirs, twice, or completed in another browser.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class ConsentHandoffHttpTest {
    private static final int PORT = TestApps.freePort();
    private static final String BASE = "http://127.0.0.1:" + PORT;
    private static final String APP_CONSENT = "https://app.salty.example/oauth/consent";
    private static final String CALLBACK = "https://claude.ai/api/mcp/auth_callback";
    static final DropwizardAppExtension<LatchkeyConfiguration> APP = TestApps.profileAt(
            "salty",
            PORT,
            ConfigOverride.config("oauth.issuer", BASE),
            ConfigOverride.config("oauth.resources", BASE + "/mcp"),
            ConfigOverride.config("oauth.consentHandoffUrl", APP_CONSENT),
            ConfigOverride.config("trustedIssuers[0].sharedSecret", SupabaseTokens.SECRET));

    private final OAuthTestClient client = new OAuthTestClient(BASE);

    /** A Supabase person with a bootstrapped workspace: their JWT and the workspace id. */
    private String[] person() {
        String id = UUID.randomUUID().toString();
        String jwt = SupabaseTokens.token(id, "handoff-" + id.substring(0, 8) + "@example.com");
        Page bootstrapped = client.postJson("/workspaces/bootstrap", Map.of("name", "Salty shop"), jwt);
        return new String[] {
            jwt,
            (String) bootstrapped.json().get("workspace_id"),
            (String) bootstrapped.json().get("api_key")
        };
    }

    private Map<String, String> authorization(Pkce pkce) {
        String clientId = (String) client.postJson(
                        "/oauth/register",
                        Map.of(
                                "client_name",
                                "Claude",
                                "redirect_uris",
                                List.of(CALLBACK),
                                "token_endpoint_auth_method",
                                "none"),
                        null)
                .json()
                .get("client_id");
        Map<String, String> parameters = OAuthTestClient.authorization(clientId, CALLBACK, pkce);
        parameters.put("resource", BASE + "/mcp");
        parameters.put("scope", "records:read offline_access");
        return parameters;
    }

    private Page read(HandedOff handedOff, String bearer) {
        return client.get(
                "/oauth/authorization-requests/" + handedOff.requestId(), "Authorization", "Bearer " + bearer);
    }

    @Test
    void theAppShowsTheRequestThePersonApprovesAndTheClientGetsItsCodeInTheSameBrowser() {
        String[] ana = person();
        Pkce pkce = Pkce.fresh();
        Map<String, String> parameters = authorization(pkce);
        HandedOff handedOff = client.handOff(parameters);
        assertThat(handedOff.location()).startsWith(APP_CONSENT + "?request_id=");
        assertThat(handedOff.cookie()).startsWith("latchkey_authz_");

        Page request = read(handedOff, ana[0]);
        assertThat(request.status()).as(request.body()).isEqualTo(200);
        assertThat(request.header("cache-control")).isEqualTo("no-store");
        assertThat(request.json())
                .containsEntry("client", Map.of("client_id", parameters.get("client_id"), "client_name", "Claude"))
                .containsEntry("resource", BASE + "/mcp")
                .containsEntry(
                        "scopes",
                        List.of(Map.of(
                                "scope", "records:read", "description", "Read the records in your Salty workspace")))
                .containsEntry(
                        "workspaces",
                        List.of(Map.of(
                                "workspace_id", ana[1], "name", "Salty shop", "scopes", List.of("records:read"))));

        Page decided = client.approveAsTheApp(handedOff, ana[0], ana[1]);
        assertThat(decided.status()).as(decided.body()).isEqualTo(200);
        String redirectTo = (String) decided.json().get("redirect_to");
        assertThat(redirectTo).startsWith(BASE + "/oauth/authorize/resume?request_id=");

        Page back = client.resume(redirectTo, handedOff.cookie());
        assertThat(back.status()).isEqualTo(303);
        URI location = URI.create(back.header("location"));
        assertThat(location.getScheme() + "://" + location.getHost() + location.getPath())
                .isEqualTo(CALLBACK);
        Map<String, String> returned = back.redirectParameters();
        assertThat(returned)
                .containsEntry("state", parameters.get("state"))
                .containsEntry("iss", BASE)
                .containsKey("code");

        Page again = client.resume(redirectTo, handedOff.cookie());
        assertThat(again.status()).as("completed once").isEqualTo(400);
        assertThat(again.header("location")).isNull();
    }

    @Test
    void anotherBrowserCannotCompleteItAndGetsNoRedirect() {
        String[] ana = person();
        HandedOff handedOff = client.handOff(authorization(Pkce.fresh()));
        String redirectTo = (String)
                client.approveAsTheApp(handedOff, ana[0], ana[1]).json().get("redirect_to");

        for (String cookie : List.of("", handedOff.cookie().replaceAll("=.*", "=" + "x".repeat(43)))) {
            Page stolen = client.resume(redirectTo, cookie);
            assertThat(stolen.status()).isEqualTo(400);
            assertThat(stolen.header("location")).isNull();
            assertThat(stolen.body()).contains("another browser");
        }
        assertThat(client.resume(redirectTo, handedOff.cookie()).status())
                .as("the right browser still can")
                .isEqualTo(303);
    }

    @Test
    void onlyThePersonDecidesOnceAndOnlyInTheirOwnWorkspace() {
        String[] ana = person();
        String[] bob = person();
        HandedOff handedOff = client.handOff(authorization(Pkce.fresh()));

        Page byKey = client.approveAsTheApp(handedOff, ana[2], ana[1]);
        assertThat(byKey.status()).as("an API key is no person").isEqualTo(403);
        Page notBobs = client.approveAsTheApp(handedOff, bob[0], ana[1]);
        assertThat(notBobs.status()).as("not a member of that workspace").isEqualTo(400);
        assertThat(client.postJson(
                                "/oauth/authorization-requests/" + handedOff.requestId(),
                                Map.of("decision", "maybe"),
                                ana[0])
                        .status())
                .isEqualTo(400);

        assertThat(client.approveAsTheApp(handedOff, ana[0], ana[1]).status()).isEqualTo(200);
        Page twice = client.postJson(
                "/oauth/authorization-requests/" + handedOff.requestId(), Map.of("decision", "deny"), bob[0]);
        assertThat(twice.status()).isEqualTo(409);
        assertThat(read(HandedOff.class.cast(new HandedOff("unknown" + UUID.randomUUID(), "", "")), ana[0])
                        .status())
                .isEqualTo(404);
    }

    @Test
    void aDenialTellsTheClientAccessDeniedAndAnUndecidedRequestCannotBeResumed() {
        String[] ana = person();
        HandedOff handedOff = client.handOff(authorization(Pkce.fresh()));
        Page early =
                client.resume(BASE + "/oauth/authorize/resume?request_id=" + handedOff.requestId(), handedOff.cookie());
        assertThat(early.status()).isEqualTo(400);

        Page denied = client.postJson(
                "/oauth/authorization-requests/" + handedOff.requestId(), Map.of("decision", "deny"), ana[0]);
        Page back = client.resume((String) denied.json().get("redirect_to"), handedOff.cookie());
        assertThat(back.status()).isEqualTo(303);
        assertThat(back.redirectParameters())
                .containsEntry("error", "access_denied")
                .doesNotContainKey("code");
    }

    @Test
    void anInvalidClientRequestIsStillRefusedBeforeAnyHandoff() {
        Page bad = client.authorize(
                Map.of("response_type", "code", "client_id", "client_unknown", "redirect_uri", CALLBACK));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.header("location")).isNull();
    }
}
