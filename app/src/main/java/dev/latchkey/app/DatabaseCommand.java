package dev.latchkey.app;

import dev.latchkey.app.config.LatchkeyConfiguration;
import dev.latchkey.persistence.DatabaseMigrations;
import io.dropwizard.core.cli.Cli;
import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.migrations.DbCommand;
import java.sql.Connection;
import java.sql.DriverManager;
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

    /**
     * Any {@code db} command may change the schema behind Liquibase's back (a rollback, a tag, a
     * drop): the record that lets a start skip Liquibase is cleared first, so the next start checks.
     */
    private static DataSourceFactory database(LatchkeyConfiguration configuration) {
        try {
            DataSourceFactory factory = Databases.forCommand(configuration.getDataSourceFactory());
            try (Connection connection =
                    DriverManager.getConnection(factory.getUrl(), factory.getUser(), factory.getPassword())) {
                DatabaseMigrations.forgetRecordedSchema(connection);
            }
            return factory;
        } catch (SQLException unreachable) {
            throw new IllegalStateException(unreachable);
        }
    }

    @Override
    public void onError(Cli cli, Namespace namespace, Throwable failure) {
        CommandFailures.report(cli, getName(), failure);
    }
}
