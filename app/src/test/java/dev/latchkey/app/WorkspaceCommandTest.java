package dev.latchkey.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.latchkey.app.config.LatchkeyConfiguration;
import dev.latchkey.domain.apikey.ApiKey;
import dev.latchkey.persistence.JdbiStores;
import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.util.JarLocation;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code workspace create} prints one JSON object, and the key in it is stored only as a hash. */
class WorkspaceCommandTest {

    @TempDir
    Path dir;

    @Test
    void createPrintsExactlyOneJsonObjectWithAWorkingFirstKeyAndActorsImportIntoIt() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("latchkey") + ";MODE=PostgreSQL;DEFAULT_NULL_ORDERING=HIGH";
        Path config = dir.resolve("config.yml");
        Files.writeString(
                config,
                Files.readString(Path.of(io.dropwizard.testing.ResourceHelpers.resourceFilePath("latchkey-test.yml")))
                        .replace("jdbc:h2:mem:overridden-by-each-test", url));
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        LatchkeyApplication application =
                new LatchkeyApplication(new PrintStream(stdout, true, StandardCharsets.UTF_8));
        Bootstrap<LatchkeyConfiguration> bootstrap = new Bootstrap<>(application);
        application.initialize(bootstrap);

        Optional<Throwable> failure = new Cli(
                        new JarLocation(getClass()),
                        bootstrap,
                        new PrintStream(new ByteArrayOutputStream()),
                        new PrintStream(stderr))
                .run("workspace", "create", "--name", "Acme Tattoo", config.toString());

        assertThat(failure).as(stderr.toString(StandardCharsets.UTF_8)).isEmpty();
        String printed = stdout.toString(StandardCharsets.UTF_8).strip();
        assertThat(printed.lines()).hasSize(1);
        @SuppressWarnings("unchecked")
        Map<String, String> json = new ObjectMapper().readValue(printed, Map.class);
        assertThat(json.keySet()).containsExactly("workspace_id", "api_key");
        String key = json.get("api_key");
        assertThat(key).startsWith("sk_live_").hasSize(46);

        JdbiStores stores = new JdbiStores(Jdbi.create(url, "sa", ""));
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
        stdout.reset();
        Optional<Throwable> bound = new Cli(
                        new JarLocation(getClass()),
                        bootstrap,
                        new PrintStream(new ByteArrayOutputStream()),
                        new PrintStream(stderr))
                .run("actors", "bind", "--tenant", tenant, "--organization", "org_01BOTS", config.toString());
        assertThat(bound).as(stderr.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(stores.actorMappings().tenantOfOrganization("workos", "org_01BOTS"))
                .contains(tenant);

        Path mappings = dir.resolve("mappings.json");
        Files.writeString(
                mappings,
                "[{\"subject\":\"user_01ANA\",\"kind\":\"human\",\"role\":\"member\","
                        + "\"owner_scopes\":[\"studio_1\"]},{\"subject\":\"org_01BOTS\",\"kind\":\"agent\","
                        + "\"role\":\"viewer\",\"status\":\"inactive\",\"organization_wide\":true}]");
        stdout.reset();
        Optional<Throwable> imported = new Cli(
                        new JarLocation(getClass()),
                        bootstrap,
                        new PrintStream(new ByteArrayOutputStream()),
                        new PrintStream(stderr))
                .run(
                        "actors",
                        "import",
                        "--tenant",
                        json.get("workspace_id"),
                        "--from",
                        mappings.toString(),
                        config.toString());

        assertThat(imported).as(stderr.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(stdout.toString(StandardCharsets.UTF_8)).contains("\"imported\":2");
        var ana = stores.actorMappings()
                .find("workos", "user_01ANA", tenant)
                .orElseThrow()
                .actor();
        assertThat(ana.ownerScopes()).containsExactly("studio_1");
        assertThat(ana.tenantId()).contains(json.get("workspace_id"));
        var bots = stores.actorMappings().find("workos", "org_01BOTS", tenant).orElseThrow();
        assertThat(bots.actor().isActive()).isFalse();
        assertThat(bots.organizationWide()).isTrue();
    }

    @Test
    void anOperatorCreatesAMachineClientWhoseSecretIsPrintedOnceAndStoredAsAHash() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("clients") + ";MODE=PostgreSQL;DEFAULT_NULL_ORDERING=HIGH";
        Path config = dir.resolve("clients.yml");
        Files.writeString(
                config,
                Files.readString(Path.of(io.dropwizard.testing.ResourceHelpers.resourceFilePath("latchkey-test.yml")))
                        .replace("jdbc:h2:mem:overridden-by-each-test", url));
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        LatchkeyApplication application =
                new LatchkeyApplication(new PrintStream(stdout, true, StandardCharsets.UTF_8));
        Bootstrap<LatchkeyConfiguration> bootstrap = new Bootstrap<>(application);
        application.initialize(bootstrap);
        Cli cli = new Cli(
                new JarLocation(getClass()),
                bootstrap,
                new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(stderr));
        assertThat(cli.run("workspace", "create", "--name", "Acme", config.toString()))
                .isEmpty();
        @SuppressWarnings("unchecked")
        String tenant = (String) new ObjectMapper()
                .readValue(stdout.toString(StandardCharsets.UTF_8).strip(), Map.class)
                .get("workspace_id");

        stdout.reset();
        Optional<Throwable> created = cli.run(
                "oauth-clients",
                "create",
                "--tenant",
                tenant,
                "--name",
                "nightly export",
                "--scopes",
                "records:read",
                config.toString());
        assertThat(created).as(stderr.toString(StandardCharsets.UTF_8)).isEmpty();
        @SuppressWarnings("unchecked")
        Map<String, String> client = new ObjectMapper()
                .readValue(stdout.toString(StandardCharsets.UTF_8).strip(), Map.class);
        assertThat(client).containsEntry("scopes", "records:read").containsKey("client_secret");
        var stored = new JdbiStores(Jdbi.create(url, "sa", ""))
                .oauthClients()
                .findById(client.get("client_id"))
                .orElseThrow();
        assertThat(stored.machine().orElseThrow().workspaceId()).isEqualTo(tenant);
        assertThat(stored.secretHash().orElseThrow()).doesNotContain(client.get("client_secret"));

        stdout.reset();
        assertThat(cli.run("oauth-clients", "list", "--tenant", tenant, config.toString()))
                .isEmpty();
        assertThat(stdout.toString(StandardCharsets.UTF_8))
                .contains(client.get("client_id"))
                .doesNotContain(client.get("client_secret"));

        assertThat(cli.run("oauth-clients", "list", "--tenant", "ws_nobody", config.toString()))
                .as("an unknown workspace is an error, not an empty list")
                .isPresent();
    }
}
