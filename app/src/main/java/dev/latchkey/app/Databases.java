package dev.latchkey.app;

import com.codahale.metrics.MetricRegistry;
import dev.latchkey.persistence.DatabaseMigrations;
import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.db.ManagedDataSource;

/** Start-up schema migration, on a short-lived pool of its own. */
final class Databases {

    private Databases() {
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
