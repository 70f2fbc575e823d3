package dev.latchkey.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.app.config.LatchkeyConfiguration;
import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.DropwizardTestSupport;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.util.JarLocation;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every operator command works while a server holds the embedded H2 file (through the server's
 * share), and a command that cannot reach its database says so in one line, without a stack trace.
 */
class CommandsWhileServerRunsTest {

    @TempDir
    Path dir;

    @Test
    void everyCommandWorksWhileTheServerHoldsTheEmbeddedDatabase() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("latchkey") + ";MODE=PostgreSQL;DEFAULT_NULL_ORDERING=HIGH";
        Path config = config(url);
        DropwizardTestSupport<LatchkeyConfiguration> server = new DropwizardTestSupport<>(
                LatchkeyApplication.class,
                ResourceHelpers.resourceFilePath("latchkey-test.yml"),
                ConfigOverride.config("database.url", url));
        server.before();
        try {
            assertThat(dir.resolve("latchkey.server"))
                    .as("where commands find the share")
                    .exists();
            Run created = run("workspace", "create", "--name", "Acme", config.toString());
            assertThat(created.failure()).as(created.stderr()).isEmpty();
            String key = created.stdout()
                    .replaceAll(".*\"api_key\":\"([^\"]+)\".*", "$1")
                    .strip();
            assertThat(TestApps.call(server.getLocalPort(), "GET", "/whoami", key)
                            .status())
                    .as("the running server sees what the command wrote")
                    .isEqualTo(200);

            assertThat(run("keys", "rotate", config.toString()).stdout()).contains("\"kid\"");
            Path mappings = dir.resolve("mappings.json");
            Files.writeString(mappings, "[{\"subject\":\"user_01ANA\",\"kind\":\"human\",\"role\":\"member\"}]");
            String tenant = created.stdout()
                    .replaceAll(".*\"workspace_id\":\"([^\"]+)\".*", "$1")
                    .strip();
            assertThat(run("actors", "import", "--tenant", tenant, "--from", mappings.toString(), config.toString())
                            .stdout())
                    .contains("\"imported\":1");
            Run migrated = run("db", "migrate", config.toString());
            assertThat(migrated.failure()).as(migrated.stderr()).isEmpty();
        } finally {
            server.after();
        }
        assertThat(dir.resolve("latchkey.server"))
                .as("removed when the server stops")
                .doesNotExist();
        assertThat(run("keys", "rotate", config.toString()).stdout())
                .as("and the file is opened directly again")
                .contains("\"kid\"");
    }

    @Test
    void aDatabaseHeldByAProcessThatDoesNotShareItIsOneLineNotAStackTrace() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("latchkey") + ";MODE=PostgreSQL;DEFAULT_NULL_ORDERING=HIGH";
        Path config = config(url);
        assertThat(run("keys", "rotate", config.toString()).failure()).isEmpty();
        try (FileChannel channel = FileChannel.open(dir.resolve("latchkey.mv.db"), StandardOpenOption.WRITE);
                FileLock held = channel.lock()) {
            for (String[] command : new String[][] {
                {"workspace", "create", "--name", "Acme", config.toString()},
                {"keys", "rotate", config.toString()},
                {"db", "migrate", config.toString()}
            }) {
                Run refused = run(command);
                assertThat(refused.failure()).isPresent();
                assertThat(refused.stderr().strip().lines())
                        .as(refused.stderr())
                        .hasSize(1);
                assertThat(refused.stderr())
                        .startsWith("latchkey " + command[0] + ": the embedded database is held")
                        .doesNotContain("\tat ")
                        .doesNotContain("Exception");
            }
        }
    }

    private Path config(String url) throws Exception {
        Path config = dir.resolve("config.yml");
        Files.writeString(
                config,
                Files.readString(Path.of(ResourceHelpers.resourceFilePath("latchkey-test.yml")))
                        .replace("jdbc:h2:mem:overridden-by-each-test", url));
        return config;
    }

    record Run(Optional<Throwable> failure, String stdout, String stderr) {}

    private static Run run(String... args) {
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        LatchkeyApplication application =
                new LatchkeyApplication(new PrintStream(stdout, true, StandardCharsets.UTF_8));
        Bootstrap<LatchkeyConfiguration> bootstrap = new Bootstrap<>(application);
        application.initialize(bootstrap);
        Optional<Throwable> failure = new Cli(
                        new JarLocation(CommandsWhileServerRunsTest.class),
                        bootstrap,
                        new PrintStream(new ByteArrayOutputStream()),
                        new PrintStream(stderr, true, StandardCharsets.UTF_8))
                .run(args);
        return new Run(failure, stdout.toString(StandardCharsets.UTF_8), stderr.toString(StandardCharsets.UTF_8));
    }
}
