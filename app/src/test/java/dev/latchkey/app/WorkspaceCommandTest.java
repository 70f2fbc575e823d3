package dev.latchkey.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.domain.apikey.ApiKey;
import dev.latchkey.persistence.JdbiStores;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code workspace create} prints one JSON object, and the key in it is stored only as a hash. */
class WorkspaceCommandTest {

    @TempDir
    Path dir;

    @Test
    void createPrintsExactlyOneJsonObjectWithAWorkingFirstKeyAndActorsImportIntoIt() throws Exception {
        OperatorCommandLine command = new OperatorCommandLine(dir, "latchkey");
        Optional<Throwable> failure = command.run("workspace", "create", "--name", "Acme Tattoo");

        assertThat(failure).as(command.errors()).isEmpty();
        assertThat(command.printed().lines()).hasSize(1);
        Map<String, String> json = command.json();
        assertThat(json.keySet()).containsExactly("workspace_id", "api_key");
        String key = json.get("api_key");
        assertThat(key).startsWith("sk_live_").hasSize(46);

        JdbiStores stores = command.stores();
        ApiKey stored =
                stores.apiKeys().findByLookupPrefix(key.substring(0, 16)).orElseThrow();
        assertThat(stored.workspaceId()).isEqualTo(json.get("workspace_id"));
        assertThat(stored.scopes().asStrings()).containsExactly("*");
        assertThat(stored.secretHash()).startsWith("$argon2id$").doesNotContain(key.substring(16));
        assertThat(stores.workspaces()
                        .findById(json.get("workspace_id"))
                        .orElseThrow()
                        .name())
                .isEqualTo("Acme Tattoo");

        String tenant = json.get("workspace_id");
        Optional<Throwable> bound = command.run("actors", "bind", "--tenant", tenant, "--organization", "org_01BOTS");
        assertThat(bound).as(command.errors()).isEmpty();
        assertThat(stores.actorMappings().tenantOfOrganization("workos", "org_01BOTS"))
                .contains(tenant);

        Path mappings = dir.resolve("mappings.json");
        Files.writeString(
                mappings,
                "[{\"subject\":\"user_01ANA\",\"kind\":\"human\",\"role\":\"member\","
                        + "\"owner_scopes\":[\"studio_1\"]},{\"subject\":\"org_01BOTS\",\"kind\":\"agent\","
                        + "\"role\":\"viewer\",\"status\":\"inactive\",\"organization_wide\":true}]");
        Optional<Throwable> imported =
                command.run("actors", "import", "--tenant", tenant, "--from", mappings.toString());

        assertThat(imported).as(command.errors()).isEmpty();
        assertThat(command.printed()).contains("\"imported\":2");
        var ana = stores.actorMappings()
                .find("workos", "user_01ANA", tenant)
                .orElseThrow()
                .actor();
        assertThat(ana.ownerScopes()).containsExactly("studio_1");
        assertThat(ana.tenantId()).contains(tenant);
        var bots = stores.actorMappings().find("workos", "org_01BOTS", tenant).orElseThrow();
        assertThat(bots.actor().isActive()).isFalse();
        assertThat(bots.organizationWide()).isTrue();
    }

    @Test
    void anOperatorCreatesAMachineClientWhoseSecretIsPrintedOnceAndStoredAsAHash() throws Exception {
        OperatorCommandLine command = new OperatorCommandLine(dir, "clients");
        assertThat(command.run("workspace", "create", "--name", "Acme")).isEmpty();
        String tenant = command.json().get("workspace_id");

        Optional<Throwable> created = command.run(
                "oauth-clients", "create", "--tenant", tenant, "--name", "nightly export", "--scopes", "records:read");
        assertThat(created).as(command.errors()).isEmpty();
        Map<String, String> client = command.json();
        assertThat(client).containsEntry("scopes", "records:read").containsKey("client_secret");
        var stored = command.stores()
                .oauthClients()
                .findById(client.get("client_id"))
                .orElseThrow();
        assertThat(stored.machine().orElseThrow().workspaceId()).isEqualTo(tenant);
        assertThat(stored.secretHash().orElseThrow()).doesNotContain(client.get("client_secret"));

        assertThat(command.run("oauth-clients", "list", "--tenant", tenant)).isEmpty();
        assertThat(command.printed()).contains(client.get("client_id")).doesNotContain(client.get("client_secret"));

        assertThat(command.run("oauth-clients", "list", "--tenant", "ws_nobody"))
                .as("an unknown workspace is an error, not an empty list")
                .isPresent();
    }
}
