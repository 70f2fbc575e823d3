package dev.latchkey.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.app.OAuthTestClient.Page;
import dev.latchkey.app.OAuthTestClient.Pkce;
import dev.latchkey.app.config.LatchkeyConfiguration;
import dev.latchkey.domain.common.Base62;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Seed 004 (Salty) from {@code profiles/salty.yml}: every row of its credential table and of its
 * error table, through Latchkey's own endpoints and {@code /authz/check}.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class SaltyProfileTest {
    private static final int PORT = TestApps.freePort();
    private static final String BASE = "http://127.0.0.1:" + PORT;
    private static final String CALLBACK = "https://claude.ai/api/mcp/auth_callback";
    static final DropwizardAppExtension<LatchkeyConfiguration> APP = TestApps.profileAt(
            "salty",
            PORT,
            ConfigOverride.config("oauth.issuer", BASE),
            ConfigOverride.config("oauth.resources", BASE + "/mcp"),
            ConfigOverride.config("trustedIssuers[0].sharedSecret", SupabaseTokens.SECRET));

    private final OAuthTestClient client = new OAuthTestClient(BASE);

    /** A person signed up with Supabase: their access JWT, as the web admin sends it. */
    private static String supabasePerson() {
        String id = UUID.randomUUID().toString();
        return SupabaseTokens.token(id, "salty-" + id.substring(0, 8) + "@example.com");
    }

    /** Bootstraps the person's workspace; returns the response (workspace id, first key). */
    private Map<String, Object> bootstrap(String jwt) {
        Page page = client.postJson("/workspaces/bootstrap", Map.of("name", "Salty shop"), jwt);
        assertThat(page.status()).as(page.body()).isIn(200, 201);
        return page.json();
    }

    private Page check(String method, String uri, String... headers) {
        String[] all = new String[headers.length + 4];
        all[0] = "X-Original-Method";
        all[1] = method;
        all[2] = "X-Original-URI";
        all[3] = uri;
        System.arraycopy(headers, 0, all, 4, headers.length);
        return client.get("/authz/check", all);
    }

    private Page checkBearer(String uri, String credential) {
        return check("GET", uri, "Authorization", "Bearer " + credential);
    }

    private static void assertProblem(Page page, int status, String code) {
        assertThat(page.status()).as(page.body()).isEqualTo(status);
        assertThat(page.json()).containsEntry("code", code);
    }

    /** An MCP client's whole OAuth flow for the person, signed in with their Supabase token. */
    private Map<String, Object> mcpTokens(String jwt) {
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
        Pkce pkce = Pkce.fresh();
        Map<String, String> parameters = OAuthTestClient.authorization(clientId, CALLBACK, pkce);
        parameters.put("resource", BASE + "/mcp");
        // Salty 302-redirects to /oauth/consent on apps/web, where the person (their Supabase JWT) approves.
        Map<String, Object> tokens = new LinkedHashMap<>(client.tokensThroughHandoff(parameters, pkce, jwt));
        tokens.put("client_id", clientId);
        return tokens;
    }

    // Credential table, row 1: sk_live_… API key, POST /api-keys, used by agents.
    @Test
    void apiKeysAreShownOnceStoredByPrefixAndServeAgentsAndMcpHeaders() {
        String jwt = supabasePerson();
        bootstrap(jwt);
        Page created = client.postJson("/api-keys", Map.of("name", "agent"), jwt);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String key = (String) created.json().get("key");
        assertThat(key).startsWith("sk_live_");
        assertThat(created.json()).containsEntry("prefix", key.substring(0, 16)).containsEntry("scopes", List.of("*"));
        assertThat(client.get("/api-keys", "Authorization", "Bearer " + jwt).body())
                .doesNotContain(key);

        Page agent = checkBearer("/records", key);
        assertThat(agent.status()).isEqualTo(200);
        assertThat(agent.header("x-latchkey-credential-kind")).isEqualTo("api_key");
        Page mcpRemote = check("POST", "/mcp", "X-API-Key", key);
        assertThat(mcpRemote.status())
                .as("an API key works in an MCP client via a header")
                .isEqualTo(200);
    }

    // Credential table, row 2: eyJ… Supabase JWT, used by humans in the web admin.
    @Test
    void supabaseJwtsAuthenticateThePersonAndResolveTheirWorkspace() {
        String jwt = supabasePerson();
        assertProblem(checkBearer("/records", jwt), 403, "no_workspace");

        Map<String, Object> first = bootstrap(jwt);
        assertThat((String) first.get("api_key")).startsWith("sk_live_");
        Map<String, Object> again = bootstrap(jwt);
        assertThat(again)
                .containsEntry("workspace_id", first.get("workspace_id"))
                .doesNotContainKey("api_key");

        Page admin = checkBearer("/pricing", jwt);
        assertThat(admin.status()).isEqualTo(200);
        assertThat(admin.header("x-latchkey-credential-kind")).isEqualTo("external_jwt");
        assertThat(admin.header("x-latchkey-tenant")).isEqualTo(first.get("workspace_id"));
    }

    // Credential table, row 3: salty_oat_… OAuth access token, POST /oauth/token, used by MCP clients.
    @Test
    void mcpClientsDiscoverRegisterConsentAndHoldSaltyOatTokens() {
        Page anonymous = check("POST", "/mcp");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.header("www-authenticate"))
                .contains("resource_metadata=\"" + BASE + "/.well-known/oauth-protected-resource/mcp\"");
        assertThat(client.get("/.well-known/oauth-protected-resource/mcp").json())
                .containsEntry("resource", BASE + "/mcp")
                .containsEntry("authorization_servers", List.of(BASE));
        assertThat(client.get("/.well-known/oauth-authorization-server").json())
                .containsEntry("registration_endpoint", BASE + "/oauth/register");

        String jwt = supabasePerson();
        bootstrap(jwt);
        Map<String, Object> tokens = mcpTokens(jwt);
        assertThat((String) tokens.get("access_token")).startsWith("salty_oat_");
        assertThat((String) tokens.get("refresh_token")).startsWith("salty_ort_");

        Page mcp = check("POST", "/mcp", "Authorization", "Bearer " + tokens.get("access_token"));
        assertThat(mcp.status()).isEqualTo(200);
        assertThat(mcp.header("x-latchkey-credential-kind")).isEqualTo("oauth");
        Page refreshed = client.postForm(
                "/oauth/token",
                Map.of(
                        "grant_type",
                        "refresh_token",
                        "refresh_token",
                        (String) tokens.get("refresh_token"),
                        "client_id",
                        (String) tokens.get("client_id")));
        assertThat((String) refreshed.json().get("access_token")).startsWith("salty_oat_");
    }

    // Error table, rows 1 and 2.
    @Test
    void noOrMalformedCredentialsAreMissingAuthAndInvalidAuthHeader() {
        assertProblem(check("GET", "/records"), 401, "missing_auth");
        assertProblem(check("GET", "/records", "Authorization", "Bearer"), 401, "invalid_auth_header");
        assertProblem(check("GET", "/records", "Authorization", "Token abc"), 401, "invalid_auth_header");
    }

    @Test
    void peopleSignUpWithSupabaseSoPasswordSignUpIsOff() {
        assertProblem(
                client.postJson(
                        "/auth/register",
                        Map.of("email", "ana@salty.example", "password", "correct horse battery staple"),
                        null),
                404,
                "not_found");
    }

    // Error table, row 3: sk_live_… not found, revoked, or hash mismatch.
    @Test
    void unknownRevokedAndMismatchedKeysAreInvalidApiKey() {
        String jwt = supabasePerson();
        bootstrap(jwt);
        Page created = client.postJson("/api-keys", Map.of("name", "to revoke"), jwt);
        String key = (String) created.json().get("key");
        assertThat(checkBearer("/records", key).status()).isEqualTo(200);

        assertProblem(
                checkBearer("/records", wellFormedKey("sk_live_" + Base62.random(new SecureRandom(), 8))),
                401,
                "invalid_api_key");
        assertProblem(checkBearer("/records", wellFormedKey(key.substring(0, 16))), 401, "invalid_api_key");

        Page revoked = client.send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(BASE + "/api-keys/" + created.json().get("id")))
                .header("Authorization", "Bearer " + jwt)
                .DELETE());
        assertThat(revoked.status()).isEqualTo(204);
        assertProblem(checkBearer("/records", key), 401, "invalid_api_key");
        assertThat(client.get("/api-keys", "Authorization", "Bearer " + jwt).body())
                .as("the row is kept for audit")
                .contains("\"revoked\"");
    }

    /** A key with this 16-character prefix, a random rest and a correct checksum. */
    private static String wellFormedKey(String prefix) {
        String body = prefix + Base62.random(new SecureRandom(), 40 - prefix.length());
        CRC32 crc = new CRC32();
        crc.update(body.getBytes(StandardCharsets.US_ASCII));
        return body + Base62.fixedWidth(crc.getValue(), 6);
    }

    // Error table, row 4: Supabase JWT expired or signature invalid.
    @Test
    void expiredOrForgedSupabaseJwtsAreInvalidJwt() {
        String id = UUID.randomUUID().toString();
        String email = "x-" + id.substring(0, 8) + "@example.com";
        assertProblem(
                checkBearer(
                        "/records",
                        SupabaseTokens.token(id, email, Instant.now().minusSeconds(120), SupabaseTokens.SECRET)),
                401,
                "invalid_jwt");
        assertProblem(
                checkBearer(
                        "/records",
                        SupabaseTokens.token(
                                id,
                                email,
                                Instant.now().plusSeconds(600),
                                "another-projects-secret-of-at-least-32-bytes")),
                401,
                "invalid_jwt");
    }

    // Error table, row 5: salty_oat_… not found, expired, or revoked (expiry: OAuthServerTest).
    @Test
    void unknownAndRevokedOAuthTokensAreInvalidOAuthToken() {
        assertProblem(
                checkBearer("/mcp/tools", "salty_oat_" + Base62.random(new SecureRandom(), 43)),
                401,
                "invalid_oauth_token");
        String jwt = supabasePerson();
        bootstrap(jwt);
        Map<String, Object> tokens = mcpTokens(jwt);
        String access = (String) tokens.get("access_token");
        assertThat(checkBearer("/mcp/tools", access).status()).isEqualTo(200);
        client.postForm("/oauth/revoke", Map.of("token", access, "client_id", (String) tokens.get("client_id")));
        assertProblem(checkBearer("/mcp/tools", access), 401, "invalid_oauth_token");
    }

    // Error table, row 6: the token resolves but its workspace was deleted.
    @Test
    void credentialsOfADeletedWorkspaceAreWorkspaceNotFound() {
        String jwt = supabasePerson();
        Map<String, Object> workspace = bootstrap(jwt);
        String key = (String) workspace.get("api_key");
        String access = (String) mcpTokens(jwt).get("access_token");
        assertThat(checkBearer("/records", key).status()).isEqualTo(200);

        Page deleted = client.send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(BASE + "/workspaces/" + workspace.get("workspace_id")))
                .header("Authorization", "Bearer " + jwt)
                .DELETE());
        assertThat(deleted.status()).as(deleted.body()).isEqualTo(204);
        assertProblem(checkBearer("/records", key), 401, "workspace_not_found");
        assertProblem(checkBearer("/mcp/tools", access), 401, "workspace_not_found");
    }

    // Error table, row 7: a JWT-auth'd user with no workspace yet.
    @Test
    void aPersonWithoutAWorkspaceIsNoWorkspaceUntilTheyBootstrap() {
        String jwt = supabasePerson();
        assertProblem(checkBearer("/records", jwt), 403, "no_workspace");
        assertProblem(checkBearer("/pricing", jwt), 403, "no_workspace");
        bootstrap(jwt);
        assertThat(checkBearer("/records", jwt).status()).isEqualTo(200);
    }
}
