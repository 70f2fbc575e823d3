package dev.latchkey.app;

import static dev.latchkey.app.Reply.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.app.config.LatchkeyConfiguration;
import dev.latchkey.outbound.testing.TestIssuer;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.client.Entity;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Seed 003 (agent platform) from {@code profiles/agent-platform.yml}, through {@code /authz/check}. */
@ExtendWith(DropwizardExtensionsSupport.class)
class AgentPlatformProfileTest {
    private static final String CLIENT_ID = "agent-platform.apps.googleusercontent.com";
    static final TestIssuer GOOGLE = new TestIssuer();
    static final DropwizardAppExtension<LatchkeyConfiguration> APP = TestApps.profile(
            "agent-platform",
            ConfigOverride.config("trustedIssuers[0].jwksUrl", GOOGLE.jwksUrl()),
            ConfigOverride.config("trustedIssuers[0].audience", CLIENT_ID));
    private static final String PASSWORD = "correct horse battery staple";

    private static String owner;
    private static String member;
    private static String viewer;
    private static String workloadId;
    private static String workloadSecret;
    private static String grantId;

    @AfterAll
    static void stopGoogle() {
        GOOGLE.close();
    }

    private static Reply post(String path, String token, Map<String, ?> body) {
        var builder = TestApps.request(APP, path);
        if (token != null) {
            builder = builder.header("Authorization", "Bearer " + token);
        }
        return Reply.of(builder.post(Entity.json(body)));
    }

    private static Reply check(String method, String uri, String token) {
        var builder = TestApps.request(APP, "/authz/check")
                .header("X-Original-Method", method)
                .header("X-Original-URI", uri);
        if (token != null) {
            builder = builder.header("Authorization", "Bearer " + token);
        }
        return Reply.of(builder.get());
    }

    private static String email() {
        return "p-" + UUID.randomUUID().toString().substring(0, 8) + "@agents.example";
    }

    private static String login(String email) {
        return post("/auth/login", null, Map.of("email", email, "password", PASSWORD))
                .string("access_token");
    }

    private static String joined(String role) {
        String email = email();
        post("/auth/register", null, Map.of("email", email, "password", PASSWORD));
        post("/auth/verify-email", null, Map.of("token", TestApps.mailedToken(email, "Confirm your email address")));
        post("/members", owner, Map.of("email", email, "role", role));
        return login(email);
    }

    private static Map<String, Object> claims(String jwt) throws Exception {
        return new com.fasterxml.jackson.databind.ObjectMapper()
                .readValue(
                        new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8),
                        Map.class);
    }

    @SuppressWarnings("unchecked")
    @BeforeAll
    static void platform() {
        String email = email();
        post("/auth/register", null, Map.of("email", email, "password", PASSWORD));
        owner = post("/workspaces/bootstrap", login(email), Map.of("name", "Agent platform"))
                .string("access_token");
        member = joined("member");
        viewer = joined("viewer");
        Reply workload = post("/internal/auth/workloads", owner, Map.of("name", "release agent"));
        workloadId = workload.string("id");
        workloadSecret = workload.string("secret");
        String policy = post(
                        "/internal/auth/workload-policies",
                        owner,
                        Map.of(
                                "workload_id",
                                workloadId,
                                "scopes",
                                List.of("pipelines:read", "pipelines:write", "pipelines:delete", "agents:execute")))
                .string("id");
        post("/internal/auth/workload-policies/" + policy + "/approve", owner, Map.of());
        grantId = (String) ((Map<String, Object>) post(
                                "/internal/auth/delegation-grants",
                                member,
                                Map.of(
                                        "workload_id",
                                        workloadId,
                                        "scopes",
                                        List.of("pipelines:*", "agents:execute", "tools:read")))
                        .body()
                        .get("grant"))
                .get("id");
    }

    private static Reply workloadToken(String grant) {
        return post(
                "/internal/auth/workload-token",
                null,
                Map.of("workload_id", workloadId, "workload_secret", workloadSecret, "grant_id", grant));
    }

    // Auth types, row 1: user access token, HS256 with SECRET_KEY, sub/tenant_id/org_role/exp, ~90 days.
    @Test
    void userAccessTokensCarryTheSeedsClaimsAndServeUserFacingApis() throws Exception {
        Map<String, Object> claims = claims(member);
        assertThat(claims).containsKeys("sub", "tenant_id", "org_role", "exp");
        long lifetime = ((Number) claims.get("exp")).longValue() - ((Number) claims.get("iat")).longValue();
        assertThat(lifetime).isEqualTo(90L * 24 * 3600);
        assertThat(check("GET", "/api/v1/pipelines", member).status()).isEqualTo(200);
    }

    // Auth types, row 2: delegated workload token, asymmetric, JWKS published, ~5 minutes, after a grant.
    @Test
    void workloadTokensAreIssuedOnlyAfterAGrantAndCarryWorkloadGrantTenantScopeAndJti() throws Exception {
        Reply issued = workloadToken(grantId);
        assertThat(issued.status()).isEqualTo(200);
        assertThat((Integer) issued.body().get("expires_in")).isBetween(290, 300);
        Map<String, Object> claims = claims(issued.string("access_token"));
        // The workload's identity is the actor, the person it acts for the subject (RFC 8693 §4.1).
        assertThat(claims)
                .containsEntry("act", Map.of("sub", workloadId))
                .containsEntry("grant_id", grantId)
                .containsKeys("sub", "tenant_id", "scope", "jti");
        assertThat(claims.get("scope")).isEqualTo("agents:execute pipelines:delete pipelines:read pipelines:write");
        assertThat(Reply.of(TestApps.request(APP, "/.well-known/jwks.json").get())
                        .body()
                        .toString())
                .contains("RSA");
        assertProblem(workloadToken("grant_none"), 404, "not_found");
    }

    // Auth types, row 3: Google SSO, Google ID token -> platform JWT.
    @Test
    void googleSsoTurnsAGoogleIdTokenIntoAPlatformJwt() {
        Reply signedIn = post(
                "/auth/google",
                null,
                Map.of(
                        "id_token",
                        GOOGLE.idToken(
                                "https://accounts.google.com",
                                CLIENT_ID,
                                "google-" + UUID.randomUUID(),
                                Map.of("email", email(), "email_verified", true))));

        assertThat(signedIn.status()).isEqualTo(200);
        assertThat(signedIn.string("access_token")).startsWith("eyJ");
    }

    // Scope enforcement: groups A, B and C, for people and for workloads.
    @Test
    void groupsAbcAreEnforcedByScopeForPeopleAndWorkloads() {
        String agent = workloadToken(grantId).string("access_token");
        for (String[] row : new String[][] {
            {"GET", "/api/v1/pipelines"},
            {"POST", "/api/v1/agents"},
            {"PUT", "/api/v1/tools/t_1"},
            {"POST", "/api/v1/artifacts/a_1/compile"},
            {"POST", "/api/v1/agents/ag_1/execute"},
            {"GET", "/api/v1/agents/ag_1/stream"}
        }) {
            assertThat(check(row[0], row[1], member).status())
                    .as(row[0] + " " + row[1])
                    .isEqualTo(200);
        }
        assertProblem(check("POST", "/api/v1/pipelines", viewer), 403, "insufficient_scope");
        assertThat(check("POST", "/api/v1/pipelines", viewer).string("detail")).contains("pipelines:create");

        assertThat(check("GET", "/api/v1/pipelines/p_1", agent).status()).isEqualTo(200);
        assertThat(check("PUT", "/api/v1/pipelines/p_1", agent).status()).isEqualTo(200);
        assertThat(check("POST", "/api/v1/agents/ag_1/run", agent).status()).isEqualTo(200);
        assertProblem(check("POST", "/api/v1/agents/ag_1/validate", agent), 403, "insufficient_scope");
        assertProblem(check("GET", "/api/v1/tools", agent), 403, "insufficient_scope");
    }

    // Common failures, row by row.
    @Test
    void commonFailuresRowByRow() {
        assertProblem(check("GET", "/api/v1/pipelines", null), 401, "missing_auth");
        assertProblem(
                check("GET", "/api/v1/pipelines", "eyJhbGciOiJIUzI1NiJ9.eyJpc3MiOiJsYXRjaGtleSJ9.c2ln"),
                401,
                "invalid_jwt");
        assertProblem(check("POST", "/api/v1/pipelines", viewer), 403, "insufficient_scope");
        String agent = workloadToken(grantId).string("access_token");
        Reply sensitive = check("DELETE", "/api/v1/pipelines/p_1", agent);
        assertProblem(sensitive, 403, "approval_required");
        assertThat(sensitive.string("detail")).contains("Sensitive action requires explicit approval");
        assertThat(check("DELETE", "/api/v1/pipelines/p_1", member).status())
                .as("people are not asked")
                .isEqualTo(200);

        // Tenant context required: a signed-in user with no workspace has none in their token.
        String email = email();
        String noTenant = post("/auth/register", null, Map.of("email", email, "password", PASSWORD))
                .string("access_token");
        assertProblem(check("GET", "/api/v1/pipelines", noTenant), 403, "tenant_context_required");

        // Revoked / jti inactive: a grant revoked kills its tokens at once.
        @SuppressWarnings("unchecked")
        String shortGrant = (String) ((Map<String, Object>) post(
                                "/internal/auth/delegation-grants",
                                member,
                                Map.of("workload_id", workloadId, "scopes", List.of("pipelines:read")))
                        .body()
                        .get("grant"))
                .get("id");
        String doomed = workloadToken(shortGrant).string("access_token");
        assertThat(check("GET", "/api/v1/pipelines", doomed).status()).isEqualTo(200);
        Reply.of(TestApps.request(APP, "/internal/auth/delegation-grants/" + shortGrant)
                .header("Authorization", "Bearer " + member)
                .delete());
        assertProblem(check("GET", "/api/v1/pipelines", doomed), 401, "token_revoked");
    }
}
