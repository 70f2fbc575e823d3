package dev.latchkey.app;

import dev.latchkey.app.config.LatchkeyConfiguration;
import dev.latchkey.domain.auth.events.CredentialEvents;
import dev.latchkey.redis.RedisCredentialEvents;
import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.cli.ConfiguredCommand;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.db.ManagedDataSource;
import java.io.PrintStream;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import net.sourceforge.argparse4j.inf.Namespace;
import org.jdbi.v3.core.Jdbi;

/**
 * An operator command that works on the same core the server runs: migrates the database, wires
 * the core over a short-lived pool, runs, and prints its result as JSON on standard output. While a
 * server holds the embedded database, the command reaches it through that server; a failure is one
 * line on standard error.
 */
abstract class CoreCommand extends ConfiguredCommand<LatchkeyConfiguration> {
    protected final PrintStream out;

    CoreCommand(String name, String description, PrintStream out) {
        super(name, description);
        this.out = out;
    }

    @Override
    protected final void run(
            Bootstrap<LatchkeyConfiguration> bootstrap, Namespace namespace, LatchkeyConfiguration configuration)
            throws Exception {
        DataSourceFactory database = Databases.forCommand(configuration.getDataSourceFactory());
        Databases.migrate(database);
        ManagedDataSource dataSource = database.build(bootstrap.getMetricRegistry(), getName() + "-command");
        AtomicReference<Optional<RedisCredentialEvents>> shared = new AtomicReference<>(Optional.empty());
        try {
            LatchkeyCore core = LatchkeyApplication.core(
                    configuration,
                    Jdbi.create(dataSource),
                    bootstrap.getMetricRegistry(),
                    Clock.tickMillis(ZoneOffset.UTC),
                    bus -> {
                        shared.set(LatchkeyApplication.commandEvents(configuration, bus));
                        return shared.get()
                                .<CredentialEvents>map(events -> events)
                                .orElse(bus);
                    });
            run(core, namespace);
            out.flush();
        } finally {
            shared.get().ifPresent(RedisCredentialEvents::close);
            dataSource.stop();
        }
    }

    @Override
    public void onError(Cli cli, Namespace namespace, Throwable failure) {
        CommandFailures.report(cli, getName(), failure);
    }

    protected abstract void run(LatchkeyCore core, Namespace namespace) throws Exception;
}
