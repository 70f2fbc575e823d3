package dev.latchkey.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.app.OAuthTestClient.Page;
import dev.latchkey.app.OAuthTestClient.Pkce;
import dev.latchkey.app.config.LatchkeyConfiguration;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Seed 004's metering, from {@code profiles/salty.yml} with a tiny cap: API keys and OAuth tokens
 * (agent traffic) share the workspace's usage cap; the person's Supabase JWT is exempt, so a
 * customer over the cap can still reach the admin UI to upgrade or cancel.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class SaltyUsageCapTest {
    private static final int PORT = TestApps.freePort();
    private static final String BASE = "http://127.0.0.1:" + PORT;
    private static final String CALLBACK = "http://127.0.0.1:33418/";
    static final DropwizardAppExtension<LatchkeyConfiguration> APP = TestApps.profileAt(
            "salty",
            PORT,
            ConfigOverride.config("oauth.issuer", BASE),
            ConfigOverride.config("oauth.resources", BASE + "/mcp"),
            ConfigOverride.config("trustedIssuers[0].sharedSecret", SupabaseTokens.SECRET),
            ConfigOverride.config("plans.default.usageCap", "3"));

    private final OAuthTestClient client = new OAuthTestClient(BASE);

    private Page check(String uri, String credential) {
        return client.get(
                "/authz/check",
                "X-Original-Method",
                "GET",
                "X-Original-URI",
                uri,
                "Authorization",
                "Bearer " + credential);
    }

    @Test
    void agentTrafficSpendsTheCapAndThePersonIsNeverLockedOut() {
        String id = UUID.randomUUID().toString();
        String jwt = SupabaseTokens.token(id, "cap-" + id.substring(0, 8) + "@example.com");
        String key = (String)
                client.postJson("/workspaces/bootstrap", Map.of(), jwt).json().get("api_key");

        String clientId = (String) client.postJson(
                        "/oauth/register",
                        Map.of("redirect_uris", List.of(CALLBACK), "token_endpoint_auth_method", "none"),
                        null)
                .json()
                .get("client_id");
        Pkce pkce = Pkce.fresh();
        Map<String, String> parameters = OAuthTestClient.authorization(clientId, CALLBACK, pkce);
        parameters.put("resource", BASE + "/mcp");
        // Salty's own web app asks the person (the consent handoff), with their Supabase JWT.
        String oauth =
                (String) client.tokensThroughHandoff(parameters, pkce, jwt).get("access_token");

        assertThat(check("/records", key).status()).isEqualTo(200);
        assertThat(check("/mcp/tools", oauth).status()).isEqualTo(200);
        assertThat(check("/records", key).status()).isEqualTo(200);

        Page overKey = check("/records", key);
        assertThat(overKey.status()).isEqualTo(429);
        assertThat(overKey.json()).containsEntry("code", "usage_cap_exceeded");
        assertThat(overKey.header("retry-after")).isNotNull();
        assertThat(check("/mcp/tools", oauth).json()).containsEntry("code", "usage_cap_exceeded");

        for (int i = 0; i < 5; i++) {
            assertThat(check("/pricing", jwt).status())
                    .as("people are exempt from the cap")
                    .isEqualTo(200);
        }
    }
}
