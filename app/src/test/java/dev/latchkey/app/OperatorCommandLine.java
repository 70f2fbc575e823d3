package dev.latchkey.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.latchkey.app.config.LatchkeyConfiguration;
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

/** The operator's command line over a fresh H2 file database: what it prints, and the stores it wrote. */
final class OperatorCommandLine {
    final String url;
    final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    private final Path config;
    private final Cli cli;

    OperatorCommandLine(Path dir, String database) throws Exception {
        this(dir, database, "");
    }

    /** @param moreConfiguration top-level YAML sections added to the test configuration */
    OperatorCommandLine(Path dir, String database, String moreConfiguration) throws Exception {
        url = "jdbc:h2:file:" + dir.resolve(database) + ";MODE=PostgreSQL;DEFAULT_NULL_ORDERING=HIGH";
        config = dir.resolve(database + ".yml");
        Files.writeString(
                config,
                Files.readString(Path.of(io.dropwizard.testing.ResourceHelpers.resourceFilePath("latchkey-test.yml")))
                                .replace("jdbc:h2:mem:overridden-by-each-test", url)
                        + "\n" + moreConfiguration);
        LatchkeyApplication application =
                new LatchkeyApplication(new PrintStream(stdout, true, StandardCharsets.UTF_8));
        Bootstrap<LatchkeyConfiguration> bootstrap = new Bootstrap<>(application);
        application.initialize(bootstrap);
        cli = new Cli(
                new JarLocation(getClass()),
                bootstrap,
                new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(stderr));
    }

    /** Runs {@code arguments} then the configuration file; empty when it succeeded. */
    Optional<Throwable> run(String... arguments) throws Exception {
        stdout.reset();
        String[] all = java.util.Arrays.copyOf(arguments, arguments.length + 1);
        all[arguments.length] = config.toString();
        return cli.run(all);
    }

    String printed() {
        return stdout.toString(StandardCharsets.UTF_8).strip();
    }

    String errors() {
        return stderr.toString(StandardCharsets.UTF_8);
    }

    @SuppressWarnings("unchecked")
    Map<String, String> json() throws Exception {
        return new ObjectMapper().readValue(printed(), Map.class);
    }

    JdbiStores stores() {
        return new JdbiStores(Jdbi.create(url, "sa", ""));
    }
}
