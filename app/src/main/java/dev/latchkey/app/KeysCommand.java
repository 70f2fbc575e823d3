package dev.latchkey.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.latchkey.app.config.LatchkeyConfiguration;
import dev.latchkey.domain.workloadtoken.StoredSigningKey;
import io.dropwizard.core.cli.ConfiguredCommand;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.db.ManagedDataSource;
import java.io.PrintStream;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;
import org.jdbi.v3.core.Jdbi;

/**
 * {@code keys rotate config.yml}: adds a new workload-token signing key. It is published at once and
 * signs after {@code workloadTokens.activationDelay}; the current key signs until then and stays
 * published until its last token has expired. Prints the new key's id and activation time.
 */
final class KeysCommand extends ConfiguredCommand<LatchkeyConfiguration> {
    private final PrintStream out;

    KeysCommand(PrintStream out) {
        super("keys", "Rotate the workload-token signing key");
        this.out = out;
    }

    @Override
    public void configure(Subparser subparser) {
        subparser.addArgument("action").choices("rotate").help("what to do with signing keys");
        super.configure(subparser);
    }

    @Override
    protected void run(Bootstrap<LatchkeyConfiguration> bootstrap, Namespace namespace,
            LatchkeyConfiguration configuration) throws Exception {
        Databases.migrate(configuration.getDataSourceFactory());
        ManagedDataSource dataSource = configuration.getDataSourceFactory()
                .build(bootstrap.getMetricRegistry(), "keys-command");
        try {
            Clock clock = Clock.tickMillis(ZoneOffset.UTC);
            LatchkeyCore core = LatchkeyApplication.core(configuration, Jdbi.create(dataSource),
                    bootstrap.getMetricRegistry(), clock);
            StoredSigningKey key = core.signingKeys.rotate();
            Map<String, String> json = new LinkedHashMap<>();
            json.put("kid", key.kid());
            json.put("activates_at", key.activatesAt().toString());
            out.println(new ObjectMapper().writeValueAsString(json));
        } finally {
            dataSource.stop();
        }
    }
}
