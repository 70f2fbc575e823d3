package dev.latchkey.app;

import static dev.latchkey.app.TestApps.admin;
import static dev.latchkey.app.TestApps.request;
import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.app.config.LatchkeyConfiguration;
import dev.latchkey.domain.workspace.lifecycle.CreateWorkspace;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Local API keys over real HTTP: create, use, list, roll, revoke, and every way to get it wrong. */
@ExtendWith(DropwizardExtensionsSupport.class)
class ApiKeyHttpTest {
    static final DropwizardAppExtension<LatchkeyConfiguration> APP = TestApps.onH2();

    private CreateWorkspace.Created workspace;
    private String rootKey;

    @BeforeEach
    void createWorkspace() {
        workspace = TestApps.createWorkspace(APP, "Salty");
        rootKey = workspace.firstKey().secret().value();
    }

    private static Reply get(String path, String key) {
        return Reply.of(
                request(APP, path).header("Authorization", "Bearer " + key).get());
    }

    private static Map<String, Object> body(Reply reply) {
        return reply.body();
    }

    private static Map<String, Object> body(Response response) {
        return Reply.of(response).body();
    }

    private Map<String, Object> createKey(String withKey, Map<String, Object> request) {
        Reply reply =
                Reply.of(request(APP, "/api-keys").header("X-API-Key", withKey).post(Entity.json(request)));
        assertThat(reply.status()).as("create status").isEqualTo(201);
        return reply.body();
    }

    private static void assertProblem(Response response, int status, String code) {
        assertProblem(Reply.of(response), status, code);
    }

    private static void assertProblem(Reply reply, int status, String code) {
        assertThat(reply.status()).isEqualTo(status);
        assertThat(reply.mediaType()).isEqualTo("application/problem+json");
        Map<String, Object> problem = reply.body();
        assertThat(problem)
                .containsEntry("code", code)
                .containsEntry("status", status)
                .containsKeys("type", "title", "detail");
        assertThat(problem.toString()).doesNotContain("Exception").doesNotContain("at dev.latchkey");
    }

    @Test
    void healthIsPublic() {
        Reply response = Reply.of(request(APP, "/health").get());

        assertThat(response.status()).isEqualTo(200);
        assertThat(body(response)).containsEntry("status", "ok");
    }

    @Test
    void whoamiWithBearerKeyReturnsThePrincipalAndNeverTheSecret() {
        Reply response = get("/whoami", rootKey);

        assertThat(response.status()).isEqualTo(200);
        Map<String, Object> me = body(response);
        assertThat(me)
                .containsEntry("credential_kind", "api_key")
                .containsEntry("credential_id", workspace.firstKey().key().id())
                .containsEntry("tenant_id", workspace.workspace().id())
                .containsEntry("actor_kind", "service")
                .containsEntry("scopes", List.of("*"));
        assertThat(me.toString()).doesNotContain(rootKey);
    }

    @Test
    void whoamiWithApiKeyHeaderWorksToo() {
        Reply response =
                Reply.of(request(APP, "/whoami").header("X-API-Key", rootKey).get());

        assertThat(response.status()).isEqualTo(200);
    }

    @Test
    void noCredentialIsMissingAuthWithABareChallenge() {
        Reply response = Reply.of(request(APP, "/whoami").get());

        // No error attribute (RFC 6750 §3.1), and where to find an authorization server (RFC 9728 §5.1).
        assertThat(response.header("WWW-Authenticate"))
                .isEqualTo("Bearer realm=\"latchkey\", "
                        + "resource_metadata=\"http://127.0.0.1:1/.well-known/oauth-protected-resource\"");
        assertProblem(response, 401, "missing_auth");
    }

    @Test
    void bearerTokenInTheQueryStringIsIgnored() {
        Reply response = Reply.of(TestApps.target(APP, "/whoami")
                .queryParam("access_token", rootKey)
                .request()
                .get());

        assertProblem(response, 401, "missing_auth");
    }

    @Test
    void malformedHeadersAreInvalidAuthHeader() {
        Reply basic = Reply.of(request(APP, "/whoami")
                .header("Authorization", "Basic dXNlcjpwYXNz")
                .get());
        assertThat(basic.header("WWW-Authenticate")).contains("error=\"invalid_request\"");
        assertProblem(basic, 401, "invalid_auth_header");

        assertProblem(request(APP, "/whoami").header("Authorization", "Bearer ").get(), 401, "invalid_auth_header");
        assertProblem(
                request(APP, "/whoami").header("Authorization", "Bearer a b").get(), 401, "invalid_auth_header");
        assertProblem(
                request(APP, "/whoami")
                        .header("Authorization", "Bearer " + rootKey)
                        .header("X-API-Key", rootKey)
                        .get(),
                401,
                "invalid_auth_header");
    }

    @Test
    void unknownBearerShapeIsInvalidAuthHeaderAndBadKeysAreInvalidApiKey() {
        assertProblem(get("/whoami", "opaque-token-of-no-kind"), 401, "invalid_auth_header");

        String typo = rootKey.substring(0, rootKey.length() - 1) + (rootKey.endsWith("a") ? "b" : "a");
        Reply response = get("/whoami", typo);
        assertThat(response.header("WWW-Authenticate")).contains("error=\"invalid_token\"");
        assertProblem(response, 401, "invalid_api_key");
        assertProblem(request(APP, "/whoami").header("X-API-Key", "not-a-key").get(), 401, "invalid_api_key");
    }

    @Test
    void createUseListRevokeThenTheKeyFailsOnTheVeryNextRequest() {
        Map<String, Object> created =
                createKey(rootKey, Map.of("name", "ingest agent", "scopes", List.of("records:read", "api_keys:read")));
        String key = (String) created.get("key");
        String id = (String) created.get("id");
        assertThat(key).startsWith("sk_live_").hasSize(46);
        assertThat(created)
                .containsEntry("prefix", key.substring(0, 16))
                .containsEntry("scopes", List.of("api_keys:read", "records:read"));

        assertThat(get("/whoami", key).status()).isEqualTo(200);

        Reply listed = get("/api-keys", key);
        assertThat(listed.status()).isEqualTo(200);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> keys =
                (List<Map<String, Object>>) body(listed).get("data");
        assertThat(keys)
                .extracting(k -> k.get("id"))
                .contains(id, workspace.firstKey().key().id());
        assertThat(keys).allSatisfy(k -> assertThat(k).doesNotContainKey("key").doesNotContainKey("secret_hash"));
        assertThat(keys.toString()).doesNotContain(key).doesNotContain(rootKey);

        Reply revoked = Reply.of(
                request(APP, "/api-keys/" + id).header("X-API-Key", rootKey).delete());
        assertThat(revoked.status()).isEqualTo(204);

        assertProblem(get("/whoami", key), 401, "invalid_api_key");
        assertThat(Reply.of(request(APP, "/api-keys/" + id)
                                .header("X-API-Key", rootKey)
                                .delete())
                        .status())
                .as("revoking again is idempotent")
                .isEqualTo(204);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> after =
                (List<Map<String, Object>>) body(get("/api-keys", rootKey)).get("data");
        assertThat(after)
                .filteredOn(k -> id.equals(k.get("id")))
                .singleElement()
                .satisfies(k -> assertThat(k)
                        .containsEntry("status", "revoked")
                        .extractingByKey("revoked_at")
                        .isNotNull());
    }

    @Test
    void aKeyCannotMintAWiderKeyOrManageWithoutTheScope() {
        String narrow = (String)
                createKey(rootKey, Map.of("name", "narrow", "scopes", List.of("records:read", "api_keys:write")))
                        .get("key");

        Reply wider = Reply.of(request(APP, "/api-keys")
                .header("X-API-Key", narrow)
                .post(Entity.json(Map.of("name", "escalate", "scopes", List.of("*")))));
        assertProblem(wider, 403, "insufficient_scope");

        Reply list = get("/api-keys", narrow);
        assertThat(list.header("WWW-Authenticate")).contains("error=\"insufficient_scope\"");
        assertThat(list.status()).isEqualTo(403);
        assertThat(body(list))
                .containsEntry("code", "insufficient_scope")
                .extractingByKey("detail")
                .asString()
                .contains("api_keys:read");
    }

    @Test
    void anotherWorkspacesKeyIdIsNotFound() {
        CreateWorkspace.Created other = TestApps.createWorkspace(APP, "Other");
        String foreignId = other.firstKey().key().id();

        assertProblem(
                request(APP, "/api-keys/" + foreignId)
                        .header("X-API-Key", rootKey)
                        .delete(),
                404,
                "not_found");
        assertProblem(
                request(APP, "/api-keys/" + foreignId + "/roll")
                        .header("X-API-Key", rootKey)
                        .post(Entity.json(Map.of())),
                404,
                "not_found");
        assertThat(get("/whoami", other.firstKey().secret().value()).status()).isEqualTo(200);
    }

    @Test
    void rollWithGraceKeepsBothKeysWorkingAndWithoutGraceCutsTheOldOneAtOnce() {
        Map<String, Object> created = createKey(rootKey, Map.of("name", "deploy bot", "scopes", List.of("records:*")));
        String oldKey = (String) created.get("key");

        Reply rolled = Reply.of(request(APP, "/api-keys/" + created.get("id") + "/roll")
                .header("X-API-Key", rootKey)
                .post(Entity.json(Map.of("grace_seconds", 3600))));
        assertThat(rolled.status()).isEqualTo(201);
        Map<String, Object> replacement = body(rolled);
        assertThat(replacement)
                .containsEntry("name", "deploy bot")
                .containsEntry("scopes", List.of("records:*"))
                .containsEntry("replaces", created.get("id"));
        assertThat(Instant.parse((String) replacement.get("replaced_key_expires_at")))
                .isAfter(Instant.now().plusSeconds(3500));
        String newKey = (String) replacement.get("key");
        assertThat(get("/whoami", oldKey).status()).isEqualTo(200);
        assertThat(get("/whoami", newKey).status()).isEqualTo(200);

        Reply cut = Reply.of(request(APP, "/api-keys/" + replacement.get("id") + "/roll")
                .header("X-API-Key", rootKey)
                .post(Entity.json(Map.of("grace_seconds", 0))));
        assertThat(cut.status()).isEqualTo(201);
        assertProblem(get("/whoami", newKey), 401, "invalid_api_key");
        assertThat(get("/whoami", (String) body(cut).get("key")).status()).isEqualTo(200);
    }

    @Test
    void expiredKeysFailAndExpiryMustBeInTheFuture() throws InterruptedException {
        assertProblem(
                request(APP, "/api-keys")
                        .header("X-API-Key", rootKey)
                        .post(Entity.json(Map.of("name", "late", "expires_at", "2020-01-01T00:00:00Z"))),
                400,
                "invalid_request");
        assertProblem(
                request(APP, "/api-keys")
                        .header("X-API-Key", rootKey)
                        .post(Entity.json(Map.of("name", "late", "expires_at", "tomorrow"))),
                400,
                "invalid_request");

        String shortLived = (String) createKey(
                        rootKey,
                        Map.of(
                                "name",
                                "short",
                                "expires_at",
                                Instant.now().plusMillis(1500).toString()))
                .get("key");
        assertThat(get("/whoami", shortLived).status()).isEqualTo(200);
        Thread.sleep(1600);

        assertProblem(get("/whoami", shortLived), 401, "invalid_api_key");
    }

    @Test
    void badBodiesAreProblemsWithoutInternals() {
        assertProblem(
                request(APP, "/api-keys")
                        .header("X-API-Key", rootKey)
                        .post(Entity.entity("{not json", MediaType.APPLICATION_JSON)),
                400,
                "invalid_request");
        assertProblem(
                request(APP, "/api-keys")
                        .header("X-API-Key", rootKey)
                        .post(Entity.json(Map.of("name", "x", "surprise", true))),
                400,
                "invalid_request");
        assertProblem(
                request(APP, "/api-keys")
                        .header("X-API-Key", rootKey)
                        .post(Entity.json(Map.of("name", "x", "scopes", List.of("NOT A SCOPE")))),
                400,
                "invalid_request");
        assertProblem(
                request(APP, "/api-keys")
                        .header("X-API-Key", rootKey)
                        .post(Entity.json(Map.of("scopes", List.of("*")))),
                400,
                "invalid_request");
        assertProblem(request(APP, "/no/such/route").get(), 404, "not_found");
        assertProblem(request(APP, "/health").put(Entity.json(Map.of())), 405, "method_not_allowed");
    }

    @Test
    void auditTrailPagesNewestFirstAndNeedsItsScope() {
        for (int i = 0; i < 3; i++) {
            createKey(rootKey, Map.of("name", "k" + i, "scopes", List.of("records:read")));
        }

        Map<String, Object> first = body(TestApps.target(APP, "/audit-events")
                .queryParam("limit", 2)
                .request()
                .header("X-API-Key", rootKey)
                .get());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> events = (List<Map<String, Object>>) first.get("data");
        assertThat(events).extracting(e -> e.get("action")).containsExactly("api_key.created", "api_key.created");
        assertThat(events.get(0))
                .containsEntry("actor_id", workspace.firstKey().key().id())
                .containsEntry("source_address", "127.0.0.1");
        assertThat(((Map<?, ?>) events.get(0).get("details")).get("name")).isEqualTo("k2");

        Map<String, Object> second = body(TestApps.target(APP, "/audit-events")
                .queryParam("limit", 10)
                .queryParam("before", first.get("next_cursor"))
                .request()
                .header("X-API-Key", rootKey)
                .get());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> rest = (List<Map<String, Object>>) second.get("data");
        assertThat(rest)
                .extracting(e -> e.get("action"))
                .containsExactly("api_key.created", "api_key.created", "workspace.created");
        assertThat(second).doesNotContainKey("next_cursor");

        String noAudit = (String) createKey(rootKey, Map.of("name", "no audit", "scopes", List.of("records:read")))
                .get("key");
        assertProblem(request(APP, "/audit-events").header("X-API-Key", noAudit).get(), 403, "insufficient_scope");
        assertProblem(
                TestApps.target(APP, "/audit-events")
                        .queryParam("limit", 0)
                        .request()
                        .header("X-API-Key", rootKey)
                        .get(),
                400,
                "invalid_request");
    }

    @Test
    void cachedVerificationsDoNoArgon2WorkAndOutcomesAreCounted() {
        get("/whoami", rootKey);
        long verifiesBefore = timerCount("latchkey.secrets.verify");

        for (int i = 0; i < 20; i++) {
            assertThat(get("/whoami", rootKey).status()).isEqualTo(200);
        }

        assertThat(timerCount("latchkey.secrets.verify")).isEqualTo(verifiesBefore);
        assertThat(counterCount("latchkey.auth.api_key.ok")).isGreaterThanOrEqualTo(21);
        get("/whoami", "sk_live_bogus");
        assertThat(counterCount("latchkey.auth.api_key.invalid_api_key")).isGreaterThanOrEqualTo(1);
    }

    @Test
    void prometheusExpositionOnTheAdminPortCarriesTheDecisionCounters() {
        get("/whoami", rootKey);
        get("/whoami", "sk_live_bogus");

        jakarta.ws.rs.core.Response scrape = admin(APP, "/prometheus").get();
        String text = scrape.readEntity(String.class);
        scrape.close();

        assertThat(scrape.getStatus()).isEqualTo(200);
        assertThat(text)
                .containsPattern("(?m)^latchkey_auth_api_key_ok(_total)? [0-9.eE+]+$")
                .containsPattern("(?m)^latchkey_auth_api_key_invalid_api_key(_total)? [0-9.eE+]+$")
                .contains("latchkey_auth_authenticate");
        String ratio = text.lines()
                .filter(l -> l.startsWith("latchkey_verification_cache_api_keys_hit_ratio "))
                .findFirst()
                .orElseThrow();
        assertThat(Double.parseDouble(ratio.split(" ")[1]))
                .as("the cached key was found in the cache")
                .isGreaterThan(0.0)
                .isLessThanOrEqualTo(1.0);
        assertThat(text.lines().filter(l -> !l.isBlank() && !l.startsWith("#")))
                .allSatisfy(l -> assertThat(l).matches("[a-zA-Z_:][a-zA-Z0-9_:]*(\\{.*})? \\S+"));
    }

    @Test
    void adminPortReportsDatabaseHealth() {
        Reply health = Reply.of(admin(APP, "/healthcheck").get());

        assertThat(health.status()).isEqualTo(200);
        assertThat(body(health)).containsKey("database");
    }

    @SuppressWarnings("unchecked")
    private static long timerCount(String name) {
        Map<String, Object> metrics = body(admin(APP, "/metrics").get());
        Map<String, Object> timer = ((Map<String, Map<String, Object>>) metrics.get("timers")).get(name);
        return timer == null ? 0 : ((Number) timer.get("count")).longValue();
    }

    @SuppressWarnings("unchecked")
    private static long counterCount(String name) {
        Map<String, Object> metrics = body(admin(APP, "/metrics").get());
        Map<String, Object> counter = ((Map<String, Map<String, Object>>) metrics.get("counters")).get(name);
        return counter == null ? 0 : ((Number) counter.get("count")).longValue();
    }
}
