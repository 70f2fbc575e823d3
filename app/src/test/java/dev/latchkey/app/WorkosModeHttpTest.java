package dev.latchkey.app;

import static dev.latchkey.app.Reply.assertProblem;
import static dev.latchkey.app.TestApps.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.latchkey.app.config.LatchkeyConfiguration;
import dev.latchkey.outbound.testing.TestIssuer;
import dev.latchkey.workos.testing.FakeWorkos;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.client.Entity;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Seed 000 (TattooAPI) in WorkOS mode against a fake WorkOS: WorkOS proves who the caller is,
 * Latchkey's actor mappings decide what they are; the response-semantics table row by row.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class WorkosModeHttpTest {
    static final FakeWorkos WORKOS = new FakeWorkos();
    static final DropwizardAppExtension<LatchkeyConfiguration> APP = TestApps.onH2(
            ConfigOverride.config("apiKeys.authority", "workos"),
            ConfigOverride.config("workos.baseUrl", WORKOS.baseUrl()),
            ConfigOverride.config("workos.apiKey", FakeWorkos.SECRET),
            ConfigOverride.config("workos.clientId", FakeWorkos.CLIENT_ID),
            ConfigOverride.config("workos.validationCacheTtl", "30s"),
            ConfigOverride.config("workos.outageGrace", "60s"),
            ConfigOverride.config("identityProviders.openFor", "1s"),
            ConfigOverride.config("clientAddresses.trustedProxies", "127.0.0.1"),
            // The load tests here are about WorkOS outages, not plans: a fast machine must not meet the budget.
            ConfigOverride.config("plans.default.requestsPerMinute", "6000000"),
            ConfigOverride.config("plans.default.burst", "1000000"));

    private String adminToken;
    private String tenant;
    /** The WorkOS organization the operator bound to {@link #tenant}. */
    private String org;

    @AfterAll
    static void stopWorkos() {
        WORKOS.close();
    }

    @BeforeEach
    void tenantWithAnAdmin() {
        WORKOS.reset();
        String email = "admin-" + UUID.randomUUID().toString().substring(0, 8) + "@tattoo.example";
        String token = Reply.of(request(APP, "/auth/register")
                        .post(Entity.json(Map.of("email", email, "password", "correct horse battery staple"))))
                .string("access_token");
        Reply bootstrap = Reply.of(request(APP, "/workspaces/bootstrap")
                .header("Authorization", "Bearer " + token)
                .post(Entity.json(Map.of("name", "TattooAPI"))));
        adminToken = bootstrap.string("access_token");
        tenant = bootstrap.string("workspace_id");
        assertThat(bootstrap.body())
                .as("no local key while WorkOS is the key authority")
                .doesNotContainKey("api_key");
        org = fresh("org_");
        TestApps.bindOrganization(APP, tenant, org);
    }

    private void map(String subject, String kind, String role, List<String> owners, String status) {
        Reply saved = mapAs(adminToken, subject, kind, role, owners, status, subject.startsWith("org_"));
        assertThat(saved.status()).as(saved.body().toString()).isEqualTo(200);
    }

    private static Reply mapAs(
            String token,
            String subject,
            String kind,
            String role,
            List<String> owners,
            String status,
            boolean organizationWide) {
        return Reply.of(request(APP, "/actor-mappings")
                .header("Authorization", "Bearer " + token)
                .put(Entity.json(Map.of(
                        "subject",
                        subject,
                        "kind",
                        kind,
                        "role",
                        role,
                        "owner_scopes",
                        owners,
                        "status",
                        status,
                        "organization_wide",
                        organizationWide))));
    }

    /** A second workspace with its own admin and its own bound organization: {admin token, tenant, org}. */
    private static String[] anotherTenant() {
        String email = "rival-" + UUID.randomUUID().toString().substring(0, 8) + "@tattoo.example";
        String token = Reply.of(request(APP, "/auth/register")
                        .post(Entity.json(Map.of("email", email, "password", "correct horse battery staple"))))
                .string("access_token");
        Reply bootstrap = Reply.of(request(APP, "/workspaces/bootstrap")
                .header("Authorization", "Bearer " + token)
                .post(Entity.json(Map.of("name", "Rival"))));
        String rivalOrg = fresh("org_");
        TestApps.bindOrganization(APP, bootstrap.string("workspace_id"), rivalOrg);
        return new String[] {bootstrap.string("access_token"), bootstrap.string("workspace_id"), rivalOrg};
    }

    private static Reply whoamiBearer(String token) {
        return Reply.of(request(APP, "/whoami")
                .header("Authorization", "Bearer " + token)
                .get());
    }

    private static Reply whoamiKey(String key) {
        return Reply.of(request(APP, "/whoami").header("X-API-Key", key).get());
    }

    private static String fresh(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    /** With WorkOS as the keys' authority, WorkOS verifies keys and AuthKit tokens, after Latchkey's own kinds. */
    @Test
    void theVerifiersAreAskedInTheirOrderWithWorkosLast() {
        assertThat(TestApps.verifierOrder(APP))
                .containsExactly(
                        dev.latchkey.domain.auth.CredentialKind.WORKLOAD_TOKEN,
                        dev.latchkey.domain.auth.CredentialKind.OAUTH_ACCESS_TOKEN,
                        dev.latchkey.domain.auth.CredentialKind.USER_JWT,
                        dev.latchkey.domain.auth.CredentialKind.EXTERNAL_JWT,
                        dev.latchkey.domain.auth.CredentialKind.WORKOS_API_KEY,
                        dev.latchkey.domain.auth.CredentialKind.WORKOS_ACCESS_TOKEN);
    }

    @Test
    void publicReadersNeedNoCredentialAndMissingCredentialsAre401() {
        assertThat(Reply.of(request(APP, "/health").get()).status()).isEqualTo(200);
        assertProblem(Reply.of(request(APP, "/whoami").get()), 401, "missing_auth");
    }

    @Test
    void aTeamMembersAuthKitTokenWorksOnlyAfterActorMapping() {
        String user = fresh("user_");
        String token = WORKOS.accessToken(user, org);

        assertProblem(whoamiBearer(token), 403, "actor_not_mapped");

        map(user, "human", "member", List.of(), "active");
        Reply me = whoamiBearer(token);
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.body())
                .containsEntry("credential_kind", "workos_access_token")
                .containsEntry("actor_kind", "human")
                .containsEntry("tenant_id", tenant)
                .containsEntry("role", "member");

        map(user, "human", "member", List.of(), "inactive");
        assertProblem(whoamiBearer(token), 403, "actor_not_mapped");
    }

    @Test
    void aTenantCannotCaptureAnotherTenantsWorkosIdentitiesNorBlockItsMappings() {
        String[] rival = anotherTenant();
        String victimKey = "sk_victim_" + UUID.randomUUID().toString().replace("-", "");
        String victimKeyId = fresh("api_key_");
        WORKOS.knowsApiKey(victimKey, victimKeyId, rival[2]);
        String victimUser = fresh("user_");

        // Our admin maps the rival's key id and a rival member into our workspace, as owner-ish as allowed.
        map(victimKeyId, "agent", "admin", List.of(), "active");
        map(victimUser, "human", "admin", List.of(), "active");

        assertProblem(whoamiKey(victimKey), 403, "actor_not_mapped");
        assertProblem(whoamiBearer(WORKOS.accessToken(victimUser, rival[2])), 403, "actor_not_mapped");
        Reply theirs = mapAs(rival[0], victimKeyId, "agent", "member", List.of(), "active", false);
        assertThat(theirs.status())
                .as("not blocked, and no hint that another tenant mapped it: " + theirs.body())
                .isEqualTo(200);
        Reply me = whoamiKey(victimKey);
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.body()).containsEntry("tenant_id", rival[1]).containsEntry("role", "member");
    }

    @Test
    void aMembersOwnNewMappingReachesTheirNextRequestThoughTheOrganizationsWasCached() {
        assertThat(mapAs(adminToken, org, "human", "viewer", List.of(), "active", true)
                        .status())
                .isEqualTo(200);
        String member = fresh("user_");
        String token = WORKOS.accessToken(member, org);
        assertThat(whoamiBearer(token).body()).containsEntry("role", "viewer");

        map(member, "human", "member", List.of(), "active");

        assertThat(whoamiBearer(token).body())
                .as("the next request, not after the cache's window")
                .containsEntry("role", "member");
    }

    @Test
    void anImpersonatedSessionIsTheUsersButEverythingDoneInItNamesTheImpersonator() {
        String user = fresh("user_");
        map(user, "human", "admin", List.of(), "active");
        String token = WORKOS.impersonatedAccessToken(user, org, "support@workos.example");

        Reply me = whoamiBearer(token);
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.body()).containsEntry("role", "admin").containsEntry("impersonated_by", "support@workos.example");
        Reply checked = Reply.of(request(APP, "/authz/check")
                .header("X-Original-Method", "GET")
                .header("X-Original-URI", "/mcp/tools")
                .header("Authorization", "Bearer " + token)
                .get());
        assertThat(checked.status()).isEqualTo(200);
        assertThat(checked.header("X-Latchkey-Impersonator")).isEqualTo("support@workos.example");

        String subject = fresh("user_");
        assertThat(mapAs(token, subject, "human", "viewer", List.of(), "active", false)
                        .status())
                .isEqualTo(200);
        Reply audit = Reply.of(request(APP, "/audit-events")
                .header("Authorization", "Bearer " + adminToken)
                .get());
        assertThat(audit.body().toString()).contains(subject).contains("impersonated_by=support@workos.example");
        assertThat(whoamiBearer(WORKOS.accessToken(user, org)).body())
                .as("the user's own session says nothing")
                .doesNotContainKey("impersonated_by");
    }

    @Test
    void identitiesOfNoBoundOrganizationAreNotMappedAnywhere() {
        String user = fresh("user_");
        map(user, "human", "member", List.of(), "active");

        Reply unbound = whoamiBearer(WORKOS.accessToken(user, fresh("org_")));
        assertProblem(unbound, 403, "actor_not_mapped");
        assertThat(unbound.string("detail")).contains("no organization bound");
        assertThat(whoamiBearer(WORKOS.accessToken(user, org)).status()).isEqualTo(200);
    }

    @Test
    void mappingAWholeOrganizationIsAnExplicitChoiceAndOnlyForItsOwnOrganization() {
        String[] rival = anotherTenant();
        String member = fresh("user_");

        assertProblem(mapAs(adminToken, org, "human", "viewer", List.of(), "active", false), 400, "invalid_request");
        assertThat(whoamiBearer(WORKOS.accessToken(member, org)).status())
                .as("not admitted by accident")
                .isEqualTo(403);
        assertProblem(
                mapAs(adminToken, rival[2], "human", "viewer", List.of(), "active", true), 400, "invalid_request");

        assertThat(mapAs(adminToken, org, "human", "viewer", List.of(), "active", true)
                        .status())
                .isEqualTo(200);
        Reply me = whoamiBearer(WORKOS.accessToken(member, org));
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.body()).containsEntry("role", "viewer").containsEntry("tenant_id", tenant);
        Reply listed = Reply.of(request(APP, "/actor-mappings/organizations")
                .header("Authorization", "Bearer " + adminToken)
                .get());
        assertThat(listed.body()).containsEntry("data", List.of(org));
    }

    @Test
    void invalidWorkosCredentialsAre401() {
        assertProblem(
                whoamiBearer(FakeWorkos.accessToken(
                        TestIssuer.newKey("workos-key-1"),
                        WORKOS.issuer(),
                        fresh("user_"),
                        fresh("org_"),
                        Instant.now().plusSeconds(60))),
                401,
                "invalid_jwt");
        assertProblem(
                whoamiBearer(FakeWorkos.accessToken(
                        TestIssuer.newKey("workos-key-1"),
                        WORKOS.issuer(),
                        fresh("user_"),
                        fresh("org_"),
                        Instant.now().minusSeconds(120))),
                401,
                "invalid_jwt");
        assertProblem(whoamiKey("sk_unknown_" + UUID.randomUUID()), 401, "invalid_api_key");
    }

    @Test
    void aFloodOfDistinctJunkKeysFromOneSourceIsStoppedThereAndOtherSourcesAreNot() {
        String flooder = "203.0.113." + (1 + new java.util.Random().nextInt(250));
        String neighbour = "198.51.100." + (1 + new java.util.Random().nextInt(250));
        int before = WORKOS.validations();
        for (int i = 0; i < 30; i++) {
            assertProblem(
                    Reply.of(request(APP, "/whoami")
                            .header("X-API-Key", "sk_junk_" + UUID.randomUUID())
                            .header("X-Forwarded-For", flooder)
                            .get()),
                    401,
                    "invalid_api_key");
        }
        Reply stopped = Reply.of(request(APP, "/whoami")
                .header("X-API-Key", "sk_junk_" + UUID.randomUUID())
                .header("X-Forwarded-For", flooder)
                .get());
        assertProblem(stopped, 429, "rate_limited");
        assertThat(stopped.header("Retry-After")).isNotBlank();
        assertThat(WORKOS.validations() - before).as("the 31st was not asked").isEqualTo(30);

        String value = "sk_agent_" + UUID.randomUUID().toString().replace("-", "");
        WORKOS.knowsApiKey(value, fresh("api_key_"), org);
        map(org, "agent", "member", List.of(), "active");
        Reply neighbours = Reply.of(request(APP, "/whoami")
                .header("X-API-Key", value)
                .header("X-Forwarded-For", neighbour)
                .get());
        assertThat(neighbours.status())
                .as("another source's new key is validated")
                .isEqualTo(200);
        assertThat(Reply.of(request(APP, "/whoami")
                                .header("X-API-Key", value)
                                .header("X-Forwarded-For", flooder)
                                .get())
                        .status())
                .as("and, once validated, works from anywhere")
                .isEqualTo(200);
    }

    @Test
    void aJunkKeyRepeatedIsAskedOnceNotOnEveryRequest() {
        String junk = "sk_junk_" + UUID.randomUUID().toString().replace("-", "");
        int before = WORKOS.validations();
        for (int i = 0; i < 50; i++) {
            assertProblem(whoamiKey(junk), 401, "invalid_api_key");
        }
        assertThat(WORKOS.validations() - before)
                .as("remembered as unknown for a minute")
                .isEqualTo(1);
    }

    @Test
    void aMachineOrAgentWithAWorkosApiKeyIsMappedThroughItsOrganizationAndNotCalledPerRequest() {
        String value = "sk_agent_" + UUID.randomUUID().toString().replace("-", "");
        WORKOS.knowsApiKey(value, fresh("api_key_"), org);

        assertProblem(whoamiKey(value), 403, "actor_not_mapped");
        map(org, "agent", "member", List.of("studio_01"), "active");
        int before = WORKOS.validations();
        for (int i = 0; i < 20; i++) {
            Reply me = whoamiKey(value);
            assertThat(me.status()).isEqualTo(200);
            assertThat(me.body())
                    .containsEntry("credential_kind", "workos_api_key")
                    .containsEntry("actor_kind", "agent");
        }

        assertThat(WORKOS.validations() - before)
                .as("one validation, then the cache")
                .isEqualTo(1);
    }

    @Test
    void ownerScopesOfTheMappingTravelWithThePrincipalAndPromptClaimsAreNotAuthority() {
        String user = fresh("user_");
        map(user, "human", "viewer", List.of("studio_01", "artist_07"), "active");
        String token = WORKOS.accessToken(user, org);

        Reply me = Reply.of(request(APP, "/whoami")
                .header("Authorization", "Bearer " + token)
                .header("X-Actor-Id", "act_someone_else")
                .get());

        assertThat(me.status()).isEqualTo(200);
        assertThat(me.body().get("actor_id")).isNotEqualTo("act_someone_else");
        assertThat(Reply.of(request(APP, "/actor-mappings")
                                .header("Authorization", "Bearer " + adminToken)
                                .get())
                        .body()
                        .toString())
                .contains("studio_01")
                .contains("artist_07");
    }

    @Test
    void retiredLocalApiKeyRoutesAre410WithAPointer() {
        Reply create = Reply.of(request(APP, "/api-keys").post(Entity.json(Map.of("name", "x"))));
        assertProblem(create, 410, "api_key_management_retired");
        assertThat(create.string("detail")).contains("WorkOS");
        assertProblem(Reply.of(request(APP, "/api-keys").get()), 410, "api_key_management_retired");
        assertProblem(Reply.of(request(APP, "/api-keys/key_1").delete()), 410, "api_key_management_retired");
    }

    @Test
    void aWorkosOutageIs503NeverA401AndRecentValidationsRideItOut() {
        String known = "sk_agent_" + UUID.randomUUID().toString().replace("-", "");
        WORKOS.knowsApiKey(known, fresh("api_key_"), org);
        map(org, "service", "member", List.of(), "active");
        assertThat(whoamiKey(known).status()).isEqualTo(200);

        WORKOS.failValidationsWith(503);

        assertThat(whoamiKey(known).status()).as("cached validation").isEqualTo(200);
        Reply fresh = whoamiKey("sk_other_" + UUID.randomUUID());
        assertProblem(fresh, 503, "identity_provider_unavailable");
        assertThat(fresh.header("Retry-After")).isNotNull();
    }

    @Test
    void whenWorkosRejectsOurSecretCallersGet503AndHealthGoesRed() {
        WORKOS.rejectOurSecret();

        assertProblem(whoamiKey("sk_any_" + UUID.randomUUID()), 503, "identity_provider_unavailable");
        Reply health = Reply.of(TestApps.admin(APP, "/healthcheck").get());
        assertThat(health.status()).isEqualTo(500);
        assertThat(health.body()).containsKey("workos-secret");
        assertThat(health.body().get("workos-secret").toString()).contains("healthy=false");

        WORKOS.reset();
        String value = "sk_agent_" + UUID.randomUUID().toString().replace("-", "");
        WORKOS.knowsApiKey(value, fresh("api_key_"), org);
        whoamiKey(value);
        assertThat(Reply.of(TestApps.admin(APP, "/healthcheck").get())
                        .body()
                        .get("workos-secret")
                        .toString())
                .contains("healthy=true");
    }

    @Test
    void midLoadAWorkosOutageIs503ForUnvalidatedKeysOnlyAndServiceResumes() throws InterruptedException {
        String cached = "sk_agent_" + UUID.randomUUID().toString().replace("-", "");
        String unvalidated = "sk_agent_" + UUID.randomUUID().toString().replace("-", "");
        String cachedId = fresh("api_key_");
        String unvalidatedId = fresh("api_key_");
        WORKOS.knowsApiKey(cached, cachedId, org);
        WORKOS.knowsApiKey(unvalidated, unvalidatedId, org);
        map(org, "service", "member", List.of(), "active");
        assertThat(whoamiKey(cached).status()).isEqualTo(200);

        SteadyLoad.Tally before;
        SteadyLoad.Tally during;
        SteadyLoad.Tally after;
        try (SteadyLoad load =
                new SteadyLoad(APP.getLocalPort(), 2, new SteadyLoad.Kind("cached", "/whoami", "X-API-Key", cached))) {
            before = load.run(Duration.ofSeconds(1));
            WORKOS.failValidationsWith(503);
            try (SteadyLoad fresh = new SteadyLoad(
                    APP.getLocalPort(), 2, new SteadyLoad.Kind("unvalidated", "/whoami", "X-API-Key", unvalidated))) {
                during = load.run(Duration.ofSeconds(3));
                during.merge(fresh.next());
                WORKOS.reset();
                WORKOS.knowsApiKey(cached, cachedId, org);
                WORKOS.knowsApiKey(unvalidated, unvalidatedId, org);
                await("the breaker lets WorkOS back in by itself")
                        .atMost(Duration.ofSeconds(20))
                        .pollInterval(Duration.ofMillis(200))
                        .until(() -> whoamiKey(unvalidated).status() == 200);
                load.next();
                fresh.next();
                after = load.run(Duration.ofSeconds(1));
                after.merge(fresh.next());
            }
        }

        assertThat(before.of("cached").statuses()).as(before.toString()).containsOnlyKeys(200);
        assertThat(during.of("cached").statuses())
                .as("validated recently: " + during)
                .containsOnlyKeys(200);
        assertThat(during.of("unvalidated").statuses())
                .as("503, never 401: " + during)
                .containsOnlyKeys(503);
        assertThat(during.of("unvalidated").slowest())
                .as("the time limit and the breaker bound every wait")
                .isLessThan(Duration.ofSeconds(3));
        assertThat(after.of("cached").statuses()).as(after.toString()).containsOnlyKeys(200);
        assertThat(after.of("unvalidated").statuses()).as(after.toString()).containsOnlyKeys(200);
    }
}
