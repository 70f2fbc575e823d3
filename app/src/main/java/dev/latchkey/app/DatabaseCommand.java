package dev.latchkey.app;

import dev.latchkey.app.config.LatchkeyConfiguration;
import dev.latchkey.persistence.DatabaseMigrations;
import io.dropwizard.core.cli.Cli;
import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.migrations.DbCommand;
import java.sql.SQLException;
import net.sourceforge.argparse4j.inf.Namespace;

/**
 * {@code db migrate config.yml} and the rest of Dropwizard's Liquibase commands, on the database as
 * a command reaches it (through a running server that holds the embedded database), with failures
 * in one line.
 */
final class DatabaseCommand extends DbCommand<LatchkeyConfiguration> {

    DatabaseCommand() {
        super("db", DatabaseCommand::database, LatchkeyConfiguration.class, DatabaseMigrations.CHANGELOG);
    }

    private static DataSourceFactory database(LatchkeyConfiguration configuration) {
        try {
            return Databases.forCommand(configuration.getDataSourceFactory());
        } catch (SQLException unreachable) {
            throw new IllegalStateException(unreachable);
        }
    }

    @Override
    public void onError(Cli cli, Namespace namespace, Throwable failure) {
        CommandFailures.report(cli, getName(), failure);
    }
}
