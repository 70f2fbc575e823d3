package dev.latchkey.app;

import static dev.latchkey.app.TestApps.request;
import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.app.config.LatchkeyConfiguration;
import dev.latchkey.domain.workspace.CreateWorkspace;
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

        Reply created = Reply.of(request(APP, "/api-keys").header("Authorization", "Bearer " + root)
                .post(Entity.json(Map.of("name", "pg agent", "scopes", List.of("records:read")))));
        assertThat(created.status()).isEqualTo(201);
        String key = created.string("key");

        assertThat(Reply.of(request(APP, "/whoami").header("X-API-Key", key).get()).body())
                .containsEntry("tenant_id", workspace.workspace().id());
        assertThat(Reply.of(request(APP, "/api-keys/" + created.string("id")).header("X-API-Key", root).delete())
                .status()).isEqualTo(204);
        Reply after = Reply.of(request(APP, "/whoami").header("X-API-Key", key).get());
        assertThat(after.status()).isEqualTo(401);
        assertThat(after.body()).containsEntry("code", "invalid_api_key");
    }
}
