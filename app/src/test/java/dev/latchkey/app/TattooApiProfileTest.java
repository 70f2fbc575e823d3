package dev.latchkey.app;

import static dev.latchkey.app.Reply.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.app.config.LatchkeyConfiguration;
import dev.latchkey.outbound.testing.TestIssuer;
import dev.latchkey.workos.testing.FakeWorkos;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.Invocation;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Seed 000 (TattooAPI) from {@code profiles/tattooapi.yml}, row by row, through {@code /authz/check}
 * as a reverse proxy would ask it, against a fake WorkOS.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class TattooApiProfileTest {
    static final FakeWorkos WORKOS = new FakeWorkos();
    static final DropwizardAppExtension<LatchkeyConfiguration> APP = TestApps.profile(
            "tattooapi",
            ConfigOverride.config("workos.baseUrl", WORKOS.baseUrl()),
            ConfigOverride.config("workos.apiKey", FakeWorkos.SECRET),
            ConfigOverride.config("workos.clientId", FakeWorkos.CLIENT_ID),
            // What WORKOS_MCP_RESOURCE and WORKOS_AUTHKIT_DOMAIN say in production.
            ConfigOverride.config("workos.mcp.resource", TattooApiProfileTest.MCP),
            ConfigOverride.config("workos.mcp.authorizationServer", WORKOS.authkitDomain()));
    static final String MCP = "https://api.tattoo.example/mcp";

    private static final String INTERNAL_BETA_READ = "/api/v1/artists/art_42";
    private static String teamMember;
    private static String owner;
    private static String unmapped;
    private static String agentKey;
    private static String unmappedKey;

    @BeforeAll
    static void mapActors() {
        String email = "ops-" + UUID.randomUUID().toString().substring(0, 8) + "@tattoo.example";
        String token = Reply.of(TestApps.request(APP, "/auth/register")
                        .post(Entity.json(Map.of("email", email, "password", "correct horse battery staple"))))
                .string("access_token");
        Reply bootstrap = Reply.of(TestApps.request(APP, "/workspaces/bootstrap")
                .header("Authorization", "Bearer " + token)
                .post(Entity.json(Map.of("name", "TattooAPI"))));
        String admin = bootstrap.string("access_token");
        // The operator binds the studio's WorkOS organizations to the workspace (`latchkey actors bind`).
        TestApps.bindOrganization(APP, bootstrap.string("workspace_id"), "org_tattoo");
        TestApps.bindOrganization(APP, bootstrap.string("workspace_id"), "org_agents");

        String memberId = "user_member";
        String ownerId = "user_owner";
        String org = "org_tattoo";
        map(admin, memberId, "human", "member", List.of());
        map(admin, ownerId, "human", "member", List.of("studio_ink", "artist_42"));
        map(admin, "org_agents", "agent", "member", List.of());
        teamMember = WORKOS.accessToken(memberId, org);
        owner = WORKOS.accessToken(ownerId, org);
        unmapped = WORKOS.accessToken("user_stranger", org);
        agentKey = "sk_agent_" + UUID.randomUUID().toString().replace("-", "");
        WORKOS.knowsApiKey(agentKey, "api_key_agent", "org_agents");
        unmappedKey = "sk_lost_" + UUID.randomUUID().toString().replace("-", "");
        WORKOS.knowsApiKey(unmappedKey, "api_key_lost", "org_nobody");
    }

    @AfterAll
    static void stopWorkos() {
        WORKOS.close();
    }

    private static void map(String admin, String subject, String kind, String role, List<String> owners) {
        Reply saved = Reply.of(TestApps.request(APP, "/actor-mappings")
                .header("Authorization", "Bearer " + admin)
                .put(Entity.json(Map.of(
                        "subject",
                        subject,
                        "kind",
                        kind,
                        "role",
                        role,
                        "owner_scopes",
                        owners,
                        "organization_wide",
                        subject.startsWith("org_")))));
        assertThat(saved.status()).as(saved.body().toString()).isEqualTo(200);
    }

    /** What nginx's auth_request asks: the original method and URI in headers. */
    private static Invocation.Builder check(String method, String uri) {
        return TestApps.request(APP, "/authz/check")
                .header("X-Original-Method", method)
                .header("X-Original-URI", uri);
    }

    private static Reply checkWithBearer(String method, String uri, String token) {
        return Reply.of(
                check(method, uri).header("Authorization", "Bearer " + token).get());
    }

    private static Reply checkWithKey(String method, String uri, String key) {
        return Reply.of(check(method, uri).header("X-API-Key", key).get());
    }

    // Access paths, row 1: public reader, no credential, health and studios only.
    @Test
    void publicReaderSeesHealthAndStudiosOnly() {
        assertThat(Reply.of(check("GET", "/health").get()).status()).isEqualTo(200);
        assertThat(Reply.of(check("GET", "/studios?city=berlin").get()).status())
                .isEqualTo(200);
        assertProblem(Reply.of(check("GET", INTERNAL_BETA_READ).get()), 401, "missing_auth");
        assertProblem(Reply.of(check("GET", "/api/v1/me/designs").get()), 401, "missing_auth");
        assertProblem(Reply.of(check("POST", "/studios").get()), 404, "not_found");
    }

    // Access paths, row 2: team member, AuthKit bearer token, internal beta after actor mapping.
    @Test
    void teamMemberReadsTheInternalBetaAfterMapping() {
        for (String read : List.of(
                "/api/v1/search?q=koi",
                "/api/v1/artists",
                INTERNAL_BETA_READ,
                "/api/v1/portfolios",
                "/api/v1/portfolios/p_1",
                "/api/v1/designs",
                "/api/v1/designs/d_1")) {
            Reply allowed = checkWithBearer("GET", read, teamMember);
            assertThat(allowed.status()).as(read).isEqualTo(200);
            assertThat(allowed.header("X-Latchkey-Credential-Kind")).isEqualTo("workos_access_token");
        }
        assertProblem(checkWithBearer("GET", INTERNAL_BETA_READ, unmapped), 403, "actor_not_mapped");
    }

    // Access paths, row 3: machine or agent, WorkOS API key in X-API-Key, internal beta after mapping.
    @Test
    void machineOrAgentReadsTheInternalBetaWithAWorkosApiKeyAfterMapping() {
        Reply allowed = checkWithKey("GET", "/api/v1/designs", agentKey);

        assertThat(allowed.status()).isEqualTo(200);
        assertThat(allowed.header("X-Latchkey-Actor-Kind")).isEqualTo("agent");
        assertThat(allowed.header("X-Latchkey-Credential-Kind")).isEqualTo("workos_api_key");
        assertProblem(checkWithKey("GET", "/api/v1/designs", unmappedKey), 403, "actor_not_mapped");
    }

    // Access paths, row 4: studio or artist owner, AuthKit bearer, owner-scoped creative reads.
    @Test
    void ownersReadTheirOwnCreativeAssetsAndOthersCannot() {
        for (String read : List.of(
                "/api/v1/me/portfolio-assets",
                "/api/v1/me/portfolio-assets/pa_1",
                "/api/v1/me/designs",
                "/api/v1/me/designs/d_9")) {
            Reply allowed = checkWithBearer("GET", read, owner);
            assertThat(allowed.status()).as(read).isEqualTo(200);
            assertThat(allowed.header("X-Latchkey-Owner-Scopes")).isEqualTo("artist_42 studio_ink");
            assertProblem(checkWithBearer("GET", read, teamMember), 403, "owner_scope_mismatch");
        }
    }

    // Response semantics: missing 401, invalid 401, valid without mapping 403, retired routes 410.
    @Test
    void responseSemanticsRowByRow() {
        assertProblem(Reply.of(check("GET", "/api/v1/search").get()), 401, "missing_auth");
        assertProblem(
                checkWithBearer(
                        "GET",
                        "/api/v1/search",
                        FakeWorkos.accessToken(
                                TestIssuer.newKey("workos-key-1"),
                                WORKOS.issuer(),
                                "user_member",
                                "org_tattoo",
                                Instant.now().plusSeconds(60))),
                401,
                "invalid_jwt");
        assertProblem(
                checkWithKey("GET", "/api/v1/search", "sk_not_a_workos_key_" + UUID.randomUUID()),
                401,
                "invalid_api_key");
        assertProblem(checkWithBearer("GET", "/api/v1/search", unmapped), 403, "actor_not_mapped");
        assertProblem(Reply.of(check("POST", "/api/v1/api-keys").get()), 410, "api_key_management_retired");
        assertProblem(Reply.of(check("DELETE", "/api/v1/api-keys/key_1").get()), 410, "api_key_management_retired");
        assertProblem(Reply.of(TestApps.request(APP, "/api-keys").get()), 410, "api_key_management_retired");
    }

    // MCP and agents: prompt- or header-supplied actor claims are never authority.
    @Test
    void headerSuppliedActorClaimsAreIgnored() {
        Reply reply = Reply.of(check("GET", INTERNAL_BETA_READ)
                .header("Authorization", "Bearer " + teamMember)
                .header("X-Actor-Id", "act_admin")
                .header("X-Latchkey-Actor", "act_admin")
                .get());

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("X-Latchkey-Actor")).isNotEqualTo("act_admin").startsWith("act_");
        assertProblem(
                Reply.of(check("GET", INTERNAL_BETA_READ)
                        .header("X-Actor-Id", "act_admin")
                        .get()),
                401,
                "missing_auth");
    }

    // Seed 000: MCP clients use AuthKit tokens; WorkOS owns the MCP server's OAuth metadata.
    @Test
    void theMcpServersMetadataNamesAuthKitAndItsRefusalsPointThere() {
        Reply metadata = Reply.of(TestApps.request(APP, "/.well-known/oauth-protected-resource/mcp")
                .get());
        assertThat(metadata.status()).isEqualTo(200);
        assertThat(metadata.body())
                .containsEntry("resource", MCP)
                .containsEntry("authorization_servers", List.of(WORKOS.authkitDomain()));
        assertThat(Reply.of(TestApps.request(APP, "/.well-known/oauth-authorization-server")
                                .get())
                        .status())
                .as("Latchkey is no authorization server here")
                .isEqualTo(404);

        Reply refused = Reply.of(check("POST", "/mcp").get());
        assertProblem(refused, 401, "missing_auth");
        assertThat(refused.header("WWW-Authenticate"))
                .contains("resource_metadata=\"https://api.tattoo.example/.well-known/oauth-protected-resource/mcp\"");
        assertThat(Reply.of(check("GET", INTERNAL_BETA_READ).get()).header("WWW-Authenticate"))
                .as("the rest of the API has no metadata to point to")
                .doesNotContain("resource_metadata");
    }

    @Test
    void anAuthKitTokenForTheMcpServerIsMappedThereAndRefusedEverywhereElse() {
        String forMcp = WORKOS.mcpAccessToken(MCP, "user_member", "org_tattoo", "client_claude");

        Reply atMcp = checkWithBearer("POST", "/mcp", forMcp);
        assertThat(atMcp.status()).as(atMcp.body().toString()).isEqualTo(200);
        assertThat(atMcp.header("X-Latchkey-Credential-Kind")).isEqualTo("workos_access_token");
        assertProblem(checkWithBearer("GET", INTERNAL_BETA_READ, forMcp), 401, "invalid_oauth_token");
        assertProblem(
                checkWithBearer(
                        "POST", "/mcp", WORKOS.mcpAccessToken(MCP, "user_stranger", "org_tattoo", "client_claude")),
                403,
                "actor_not_mapped");
        assertProblem(
                checkWithBearer(
                        "POST", "/mcp", WORKOS.mcpAccessTokenSignedByTheWrongKey(MCP, "user_member", "org_tattoo")),
                401,
                "invalid_jwt");
        assertThat(checkWithBearer("GET", INTERNAL_BETA_READ, teamMember).status())
                .as("a session token still works on the API")
                .isEqualTo(200);
    }
}
