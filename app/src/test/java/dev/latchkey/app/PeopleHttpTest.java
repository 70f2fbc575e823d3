package dev.latchkey.app;

import static dev.latchkey.app.TestApps.request;
import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.app.config.LatchkeyConfiguration;
import dev.latchkey.crypto.Hs256UserTokenCodec;
import dev.latchkey.domain.token.UserTokenClaims;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.client.Entity;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** People over real HTTP: accounts, user tokens, bootstrap, sign-out, and the seeds' failure rows. */
@ExtendWith(DropwizardExtensionsSupport.class)
class PeopleHttpTest {
    static final DropwizardAppExtension<LatchkeyConfiguration> APP = TestApps.onH2();
    private static final String PASSWORD = "correct horse battery staple";

    private static String freshEmail() {
        return "user-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    private static Reply post(String path, Map<String, ?> body) {
        return Reply.of(request(APP, path).post(Entity.json(body)));
    }

    private static Reply postWithToken(String path, String token) {
        return Reply.of(
                request(APP, path).header("Authorization", "Bearer " + token).post(Entity.json(Map.of())));
    }

    private static Reply get(String path, String token) {
        return Reply.of(
                request(APP, path).header("Authorization", "Bearer " + token).get());
    }

    private static String register(String email) {
        Reply reply = post("/auth/register", Map.of("email", email, "password", PASSWORD));
        assertThat(reply.status()).isEqualTo(201);
        return reply.string("access_token");
    }

    private static void assertProblem(Reply reply, int status, String code) {
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(status);
        assertThat(reply.mediaType()).isEqualTo("application/problem+json");
        assertThat(reply.body()).containsEntry("code", code);
    }

    private static Hs256UserTokenCodec codecAt(Instant now, String secret, String issuer) {
        return new Hs256UserTokenCodec(
                secret.getBytes(StandardCharsets.UTF_8),
                issuer,
                Clock.fixed(now, java.time.ZoneOffset.UTC),
                Duration.ofSeconds(30));
    }

    private static String secret() {
        return APP.getConfiguration().getUserTokens().getSecret();
    }

    @Test
    void registerReturnsABearerTokenThatIdentifiesAHumanWithoutAWorkspace() {
        Reply reply =
                post("/auth/register", Map.of("email", "  " + freshEmail().toUpperCase() + " ", "password", PASSWORD));

        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.body()).containsEntry("token_type", "Bearer").containsEntry("expires_in", 7_776_000);
        assertThat(reply.header("Cache-Control")).contains("no-store");
        Reply me = get("/whoami", reply.string("access_token"));
        assertThat(me.body())
                .containsEntry("actor_kind", "human")
                .containsEntry("credential_kind", "jwt")
                .containsEntry("tenant_id", null);
    }

    @Test
    void registerTwiceWithTheSameNormalisedEmailIsAConflictThatRevealsNothingElse() {
        String email = freshEmail();
        register(email);

        Reply again = post("/auth/register", Map.of("email", email.toUpperCase(), "password", "another password!"));

        assertProblem(again, 409, "conflict");
        assertThat(again.body().toString()).doesNotContain("usr_");
    }

    @Test
    void registerWithBadInputIsInvalidRequest() {
        assertProblem(
                post("/auth/register", Map.of("email", "not-an-email", "password", PASSWORD)), 400, "invalid_request");
        assertProblem(
                post("/auth/register", Map.of("email", freshEmail(), "password", "short")), 400, "invalid_request");
        assertProblem(post("/auth/register", Map.of("email", freshEmail())), 400, "invalid_request");
    }

    @Test
    void wrongPasswordAndUnknownEmailAreIndistinguishable() {
        String email = freshEmail();
        register(email);

        Reply wrongPassword = post("/auth/login", Map.of("email", email, "password", "not the password"));
        Reply unknownEmail = post("/auth/login", Map.of("email", freshEmail(), "password", "not the password"));

        assertProblem(wrongPassword, 401, "invalid_credentials");
        assertThat(unknownEmail.status()).isEqualTo(wrongPassword.status());
        assertThat(unknownEmail.body()).isEqualTo(wrongPassword.body());
        assertThat(post("/auth/login", Map.of("email", email, "password", PASSWORD))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void repeatedFailedLoginsForOneAccountAreThrottledWithRetryAfter() {
        String email = freshEmail();
        register(email);
        for (int i = 0; i < 3; i++) {
            assertProblem(
                    post("/auth/login", Map.of("email", email, "password", "wrong guess " + i)),
                    401,
                    "invalid_credentials");
        }

        Reply throttled = post("/auth/login", Map.of("email", email, "password", PASSWORD));

        assertProblem(throttled, 429, "rate_limited");
        assertThat(Long.parseLong(throttled.header("Retry-After"))).isBetween(1L, 600L);
    }

    @Test
    void aUserWithoutAWorkspaceMayOnlyBootstrap() {
        String token = register(freshEmail());

        assertProblem(get("/api-keys", token), 403, "no_workspace");
        assertProblem(get("/audit-events", token), 403, "no_workspace");
        assertThat(postWithToken("/workspaces/bootstrap", token).status()).isEqualTo(201);
    }

    @Test
    void aMemberReadsTheirOwnWorkspaceByNameAndSomeoneWithoutOneIsToldToBootstrap() {
        String token = register(freshEmail());
        assertProblem(get("/workspaces/current", token), 403, "no_workspace");

        Reply bootstrapped = Reply.of(request(APP, "/workspaces/bootstrap")
                .header("Authorization", "Bearer " + token)
                .post(Entity.json(Map.of("name", "Ana's studio"))));
        Reply current = get("/workspaces/current", bootstrapped.string("access_token"));

        assertThat(current.status()).isEqualTo(200);
        assertThat(current.body())
                .containsEntry("id", bootstrapped.string("workspace_id"))
                .containsEntry("name", "Ana's studio")
                .containsKey("created_at");
    }

    @Test
    void bootstrapIsIdempotentAndShowsTheFirstKeyOnlyOnce() {
        String token = register(freshEmail());

        Reply first = postWithToken("/workspaces/bootstrap", token);
        Reply second = postWithToken("/workspaces/bootstrap", token);

        assertThat(first.status()).isEqualTo(201);
        assertThat(first.body()).containsEntry("created", true).containsKey("api_key");
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.body())
                .containsEntry("created", false)
                .doesNotContainKey("api_key")
                .containsEntry("workspace_id", first.string("workspace_id"));

        String key = first.string("api_key");
        assertThat(Reply.of(request(APP, "/whoami").header("X-API-Key", key).get())
                        .body())
                .containsEntry("tenant_id", first.string("workspace_id"));
        Reply asOwner = get("/api-keys", first.string("access_token"));
        assertThat(asOwner.status()).isEqualTo(200);
        assertThat(get("/whoami", first.string("access_token")).body())
                .containsEntry("role", "owner")
                .containsEntry("tenant_id", first.string("workspace_id"));
    }

    @Test
    void concurrentBootstrapsCreateExactlyOneWorkspace() throws Exception {
        String token = register(freshEmail());
        int callers = 6;
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Reply>> replies = new ArrayList<>();
        try {
            for (int i = 0; i < callers; i++) {
                Callable<Reply> call = () -> {
                    start.await();
                    return postWithToken("/workspaces/bootstrap", token);
                };
                replies.add(pool.submit(call));
            }
            start.countDown();
            List<Reply> done = new ArrayList<>();
            for (Future<Reply> reply : replies) {
                done.add(reply.get());
            }

            assertThat(done).extracting(Reply::status).containsOnly(200, 201);
            assertThat(done).filteredOn(r -> r.status() == 201).hasSize(1);
            assertThat(done).filteredOn(r -> r.body().containsKey("api_key")).hasSize(1);
            assertThat(done)
                    .extracting(r -> r.string("workspace_id"))
                    .containsOnly(done.get(0).string("workspace_id"));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void logoutKillsThatTokenOnlyAndLogoutEverywhereKillsThemAll() {
        String email = freshEmail();
        String first = register(email);
        String second = post("/auth/login", Map.of("email", email, "password", PASSWORD))
                .string("access_token");
        assertThat(get("/whoami", first).status()).isEqualTo(200);

        assertThat(postWithToken("/auth/logout", first).status()).isEqualTo(204);

        assertProblem(get("/whoami", first), 401, "token_revoked");
        assertThat(get("/whoami", second).status()).isEqualTo(200);

        assertThat(postWithToken("/auth/logout-everywhere", second).status()).isEqualTo(204);
        assertProblem(get("/whoami", second), 401, "token_revoked");
        String fresh = post("/auth/login", Map.of("email", email, "password", PASSWORD))
                .string("access_token");
        assertThat(get("/whoami", fresh).status()).isEqualTo(200);
    }

    @Test
    void apiKeysCannotLogOut() {
        String token = register(freshEmail());
        String key = postWithToken("/workspaces/bootstrap", token).string("api_key");

        assertProblem(
                Reply.of(request(APP, "/auth/logout").header("X-API-Key", key).post(Entity.json(Map.of()))),
                400,
                "invalid_request");
    }

    @Test
    void expiredTokensAreInvalidJwt() {
        Reply registered = post("/auth/register", Map.of("email", freshEmail(), "password", PASSWORD));
        String subject = (String)
                get("/whoami", registered.string("access_token")).body().get("actor_id");
        Instant longAgo = Instant.now().minus(Duration.ofDays(100));
        String expired = codecAt(longAgo, secret(), "latchkey")
                .sign(new UserTokenClaims(
                        subject,
                        java.util.Optional.empty(),
                        java.util.Optional.empty(),
                        longAgo,
                        longAgo.plus(Duration.ofDays(90)),
                        "jti_old"));

        Reply reply = get("/whoami", expired);

        assertProblem(reply, 401, "invalid_jwt");
        assertThat(reply.header("WWW-Authenticate")).contains("error=\"invalid_token\"");
    }

    @Test
    void forgedTokensAreInvalidJwt() {
        Instant now = Instant.now();
        UserTokenClaims claims = new UserTokenClaims(
                "usr_x",
                java.util.Optional.empty(),
                java.util.Optional.empty(),
                now,
                now.plusSeconds(600),
                "jti_forged");
        String wrongSecret = codecAt(now, "an-entirely-different-secret-of-32-bytes", "latchkey")
                .sign(claims);
        String wrongIssuer = codecAt(now, secret(), "evil-issuer").sign(claims);
        String header = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String payload = wrongSecret.split("\\.")[1];
        String algNone = header + "." + payload + ".";

        assertProblem(get("/whoami", wrongSecret), 401, "invalid_jwt");
        assertProblem(get("/whoami", wrongIssuer), 401, "invalid_jwt");
        assertProblem(get("/whoami", algNone), 401, "invalid_jwt");
        assertProblem(get("/whoami", header + "." + payload + ".c2ln"), 401, "invalid_jwt");
    }

    @Test
    void aTokenForADeletedAccountOrAnUnknownSubjectIsInvalid() {
        Instant now = Instant.now();
        String ghost = codecAt(now, secret(), "latchkey")
                .sign(new UserTokenClaims(
                        "usr_nobody",
                        java.util.Optional.empty(),
                        java.util.Optional.empty(),
                        now,
                        now.plusSeconds(600),
                        "jti_ghost"));

        assertProblem(get("/whoami", ghost), 401, "invalid_jwt");
    }

    @Test
    void aTokenForAWorkspaceTheUserIsNotAMemberOfIsNoWorkspace() {
        String token = register(freshEmail());
        String subject = (String) get("/whoami", token).body().get("actor_id");
        String otherWorkspace =
                postWithToken("/workspaces/bootstrap", register(freshEmail())).string("workspace_id");
        Instant now = Instant.now();
        String intruder = codecAt(now, secret(), "latchkey")
                .sign(new UserTokenClaims(
                        subject,
                        java.util.Optional.of(otherWorkspace),
                        java.util.Optional.of("owner"),
                        now,
                        now.plusSeconds(600),
                        "jti_intruder"));

        assertProblem(get("/api-keys", intruder), 403, "no_workspace");
    }
}
