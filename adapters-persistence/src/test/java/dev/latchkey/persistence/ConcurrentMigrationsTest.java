package dev.latchkey.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.persistence.testing.TestDatabases;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Several instances started together against an empty PostgreSQL database all come up: the whole
 * migration, Liquibase's own tables included, runs under one advisory lock.
 */
class ConcurrentMigrationsTest {
    private static final int INSTANCES = 4;

    @Test
    void instancesStartedTogetherOnAnEmptyDatabaseAllMigrateIt() throws Exception {
        for (int round = 0; round < 3; round++) {
            TestDatabases.Database database = TestDatabases.emptyPostgres();
            CyclicBarrier together = new CyclicBarrier(INSTANCES);
            ExecutorService instances = Executors.newFixedThreadPool(INSTANCES);
            try {
                List<Future<?>> started = new ArrayList<>();
                for (int i = 0; i < INSTANCES; i++) {
                    started.add(instances.submit(() -> {
                        PGSimpleDataSource own = new PGSimpleDataSource();
                        own.setUrl(database.url());
                        if (!database.user().isEmpty()) {
                            own.setUser(database.user());
                            own.setPassword(database.password());
                        }
                        together.await();
                        DatabaseMigrations.apply(own);
                        return null;
                    }));
                }
                for (Future<?> instance : started) {
                    instance.get(); // rethrows the failure of an instance that died
                }
            } finally {
                instances.shutdownNow();
            }
            try (Connection connection = database.dataSource().getConnection();
                    Statement statement = connection.createStatement();
                    ResultSet ran =
                            statement.executeQuery("SELECT COUNT(*), COUNT(DISTINCT id) FROM databasechangelog")) {
                ran.next();
                assertThat(ran.getInt(1))
                        .as("each change set once")
                        .isEqualTo(ran.getInt(2))
                        .isGreaterThan(10);
            }
        }
    }
}
