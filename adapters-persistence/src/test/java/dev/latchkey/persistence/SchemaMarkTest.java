package dev.latchkey.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.persistence.testing.TestDatabases;
import java.sql.Connection;
import java.sql.Statement;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A start skips Liquibase only when the schema is provably this changelog's: recorded after the last
 * migration, with every change set still applied; otherwise Liquibase runs, as before.
 */
class SchemaMarkTest {
    static Stream<TestDatabases.Database> databases() {
        return Stream.of(TestDatabases.h2(), TestDatabases.postgres());
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aCurrentSchemaIsRecognisedAndAnythingElseMigrates(TestDatabases.Database database) throws Exception {
        DataSource source = database.dataSource();
        // TestDatabases migrated it already: the record was written then.
        assertThat(DatabaseMigrations.apply(source)).isEqualTo(DatabaseMigrations.Outcome.ALREADY_CURRENT);

        try (Connection connection = source.getConnection()) {
            DatabaseMigrations.forgetRecordedSchema(connection); // what every db command does first
        }
        assertThat(DatabaseMigrations.apply(source)).isEqualTo(DatabaseMigrations.Outcome.MIGRATED);
        assertThat(DatabaseMigrations.apply(source)).isEqualTo(DatabaseMigrations.Outcome.ALREADY_CURRENT);

        // A change set rolled back by hand (its row gone) is noticed by the count.
        try (Connection connection = source.getConnection();
                Statement statement = connection.createStatement()) {
            statement.executeUpdate("INSERT INTO databasechangelog (id, author, filename, dateexecuted, orderexecuted,"
                    + " exectype) VALUES ('stray', 'test', 'elsewhere.xml', CURRENT_TIMESTAMP, 999, 'EXECUTED')");
        }
        assertThat(DatabaseMigrations.apply(source)).isEqualTo(DatabaseMigrations.Outcome.MIGRATED);

        // Another changelog's record is not this one's.
        try (Connection connection = source.getConnection();
                Statement statement = connection.createStatement()) {
            statement.executeUpdate("DELETE FROM databasechangelog WHERE id = 'stray'");
            statement.executeUpdate("UPDATE latchkey_schema_mark SET changelog_sha256 = 'an older changelog'");
        }
        assertThat(DatabaseMigrations.apply(source)).isEqualTo(DatabaseMigrations.Outcome.MIGRATED);
        assertThat(DatabaseMigrations.apply(source)).isEqualTo(DatabaseMigrations.Outcome.ALREADY_CURRENT);
    }
}
