package dev.latchkey.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.persistence.testing.TestDatabases;
import java.sql.Connection;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;

/** The PostgreSQL the contract tests use is real, and is the one CI asked for. */
class PostgresSourceTest {

    @Test
    void testDatabaseIsARealPostgresFromTheExpectedSource() throws Exception {
        TestDatabases.Database database = TestDatabases.postgres();
        String configured = System.getenv(TestDatabases.POSTGRES_URL_VARIABLE);
        String description = TestDatabases.postgresDescription();
        System.out.println("PostgreSQL for tests: " + description);

        if (configured != null && !configured.isBlank() && !description.startsWith("Testcontainers")) {
            assertThat(description).startsWith(TestDatabases.POSTGRES_URL_VARIABLE);
        }
        try (Connection connection = database.dataSource().getConnection();
                ResultSet rs = connection.createStatement().executeQuery("SELECT version()")) {
            rs.next();
            assertThat(rs.getString(1)).startsWith("PostgreSQL");
        }
    }
}
