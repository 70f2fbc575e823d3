package dev.latchkey.app;

import static dev.latchkey.app.TestApps.request;
import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.app.config.LatchkeyConfiguration;
import dev.latchkey.domain.workspace.lifecycle.CreateWorkspace;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.client.Entity;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The same service on real PostgreSQL: the production database, end to end. */
@ExtendWith(DropwizardExtensionsSupport.class)
class PostgresHttpTest {
    static final DropwizardAppExtension<LatchkeyConfiguration> APP = TestApps.onPostgres();

    @Test
    void createUseRevokeOnPostgres() {
        CreateWorkspace.Created workspace = TestApps.createWorkspace(APP, "On Postgres");
        String root = workspace.firstKey().secret().value();

        Reply created = Reply.of(request(APP, "/api-keys")
                .header("Authorization", "Bearer " + root)
                .post(Entity.json(Map.of("name", "pg agent", "scopes", List.of("records:read")))));
        assertThat(created.status()).isEqualTo(201);
        String key = created.string("key");

        assertThat(Reply.of(request(APP, "/whoami").header("X-API-Key", key).get())
                        .body())
                .containsEntry("tenant_id", workspace.workspace().id());
        assertThat(Reply.of(request(APP, "/api-keys/" + created.string("id"))
                                .header("X-API-Key", root)
                                .delete())
                        .status())
                .isEqualTo(204);
        Reply after = Reply.of(request(APP, "/whoami").header("X-API-Key", key).get());
        assertThat(after.status()).isEqualTo(401);
        assertThat(after.body()).containsEntry("code", "invalid_api_key");
    }

    /** Two owners demote themselves at the same moment, over HTTP on PostgreSQL: one stays owner. */
    @Test
    void twoOwnersDemotingThemselvesAtOnceLeaveOneOwnerOnPostgres() throws Exception {
        String password = "correct horse battery staple";
        for (int round = 0; round < 8; round++) {
            String firstEmail = "a-" + java.util.UUID.randomUUID().toString().substring(0, 8) + "@example.com";
            String secondEmail = "b-" + java.util.UUID.randomUUID().toString().substring(0, 8) + "@example.com";
            String first = TestApps.call(
                            APP,
                            "POST",
                            "/workspaces/bootstrap",
                            TestApps.registerVerified(APP, firstEmail, password),
                            Map.of())
                    .string("access_token");
            String second = TestApps.registerVerified(APP, secondEmail, password);
            assertThat(TestApps.call(APP, "POST", "/members", first, Map.of("email", secondEmail, "role", "owner"))
                            .status())
                    .isEqualTo(201);
            String secondInWorkspace = Reply.of(request(APP, "/auth/login")
                            .post(Entity.json(Map.of("email", secondEmail, "password", password))))
                    .string("access_token");
            String firstId = TestApps.call(APP, "GET", "/whoami", first, null).string("actor_id");
            String secondId = TestApps.call(APP, "GET", "/whoami", secondInWorkspace, null)
                    .string("actor_id");
            assertThat(second).isNotBlank();

            java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(2);
            java.util.concurrent.ExecutorService callers = java.util.concurrent.Executors.newFixedThreadPool(2);
            try {
                var a = callers.submit(() -> {
                    together.await();
                    return TestApps.call(APP, "PUT", "/members/" + firstId, first, Map.of("role", "admin"))
                            .status();
                });
                var b = callers.submit(() -> {
                    together.await();
                    return TestApps.call(APP, "PUT", "/members/" + secondId, secondInWorkspace, Map.of("role", "admin"))
                            .status();
                });
                assertThat(List.of(a.get(), b.get())).as("round " + round).containsExactlyInAnyOrder(204, 409);
            } finally {
                callers.shutdownNow();
            }
        }
    }
}
