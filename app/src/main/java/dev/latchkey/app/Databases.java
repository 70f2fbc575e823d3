package dev.latchkey.app;

import com.codahale.metrics.MetricRegistry;
import dev.latchkey.persistence.DatabaseMigrations;
import dev.latchkey.persistence.EmbeddedDatabaseSharing;
import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.db.ManagedDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** Start-up schema migration, on a short-lived pool of its own; where a command finds the database. */
final class Databases {

    private Databases() {}

    /**
     * The database as an operator command must reach it: through the running server when that
     * server holds the embedded H2 file, else as configured.
     */
    static DataSourceFactory forCommand(DataSourceFactory factory) throws SQLException {
        factory.setUrl(
                EmbeddedDatabaseSharing.urlForCommand(factory.getUrl(), factory.getUser(), factory.getPassword()));
        // One connection first, so that a database that cannot be had is one line, not a pool's stack trace.
        try (Connection probe =
                DriverManager.getConnection(factory.getUrl(), factory.getUser(), factory.getPassword())) {
            return factory;
        }
    }

    static void migrate(DataSourceFactory factory) throws Exception {
        ManagedDataSource dataSource = factory.build(new MetricRegistry(), "migrations");
        try {
            DatabaseMigrations.apply(dataSource);
        } finally {
            dataSource.stop();
        }
    }
}
