package dev.latchkey.persistence;

import java.sql.Connection;
import java.util.Map;
import javax.sql.DataSource;
import liquibase.Scope;
import liquibase.UpdateSummaryEnum;
import liquibase.UpdateSummaryOutputEnum;
import liquibase.command.CommandScope;
import liquibase.command.core.UpdateCommandStep;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;
import liquibase.command.core.helpers.ShowSummaryArgument;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.ui.LoggerUIService;

/** Brings a database's schema up to date with Latchkey's Liquibase changelog. */
public final class DatabaseMigrations {
    /** The changelog on the classpath; the {@code db} commands use it too. */
    public static final String CHANGELOG = "db/latchkey-changelog.xml";

    private DatabaseMigrations() {}

    /** The PostgreSQL advisory lock every Latchkey migration holds: "lk-migr" as a number. */
    private static final long MIGRATION_LOCK = 0x6c6b2d6d696772L;

    /** What {@link #apply} did. */
    public enum Outcome {
        /** Liquibase ran: it applied what was pending, if anything. */
        MIGRATED,
        /** The schema was already this changelog's, as recorded after its last migration: Liquibase did not run. */
        ALREADY_CURRENT
    }

    /**
     * Applies every pending change set; safe to run on every start and from several processes. On
     * PostgreSQL the whole migration runs under a session-level advisory lock: Liquibase's own lock
     * lives in a table it must first create, and two instances starting on an empty database would
     * both try to (the loser dies on "relation databasechangelog already exists").
     *
     * <p>Liquibase takes about a second to find that nothing is pending (it parses the changelog,
     * checksums every change set, takes and releases its lock): a third of a start. So after each
     * migration the changelog's SHA-256 is recorded ({@link SchemaMark}), and a start that finds it,
     * with as many rows in {@code databasechangelog} as the changelog has change sets, skips
     * Liquibase. Any other changelog, a rolled-back change set or a {@code db} command clears the way.
     */
    public static Outcome apply(DataSource dataSource) {
        SchemaMark mark = SchemaMark.ofChangelog(CHANGELOG);
        try (Connection connection = dataSource.getConnection()) {
            if (mark.isCurrent(connection)) {
                return Outcome.ALREADY_CURRENT;
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("database unreachable: " + e.getMessage(), e);
        }
        migrate(dataSource, mark);
        return Outcome.MIGRATED;
    }

    /** Forgets the recorded schema, so that the next start runs Liquibase: before any {@code db} command. */
    public static void forgetRecordedSchema(Connection connection) throws java.sql.SQLException {
        SchemaMark.forget(connection);
    }

    /** Liquibase's update, then the record of it — on PostgreSQL both under the advisory lock. */
    private static void migrate(DataSource dataSource, SchemaMark mark) {
        // These machines have no outside network, and we do not phone home anyway.
        System.setProperty("liquibase.analytics.enabled", "false");
        // The changelog is checked against its XSD by a test (ChangelogSchemaTest), not on every
        // start of a fresh database, where the XSD's parsing was a tenth of the migration.
        System.setProperty("liquibase.validateXmlChangelogFiles", "false");
        try (Connection connection = dataSource.getConnection()) {
            boolean postgres = "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
            if (postgres) {
                try (var lock = connection.prepareStatement("SELECT pg_advisory_lock(?)")) {
                    lock.setLong(1, MIGRATION_LOCK);
                    lock.execute();
                }
            }
            Database database =
                    DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(connection));
            // Liquibase writes progress to standard output by default; commands print JSON there.
            Map<String, Object> quiet = Map.of(
                    Scope.Attr.ui.name(),
                    new LoggerUIService(),
                    Scope.Attr.resourceAccessor.name(),
                    new ClassLoaderResourceAccessor());
            Scope.child(
                    quiet,
                    () -> new CommandScope(UpdateCommandStep.COMMAND_NAME)
                            .addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, database)
                            .addArgumentValue(UpdateCommandStep.CHANGELOG_FILE_ARG, CHANGELOG)
                            .addArgumentValue(ShowSummaryArgument.SHOW_SUMMARY, UpdateSummaryEnum.OFF)
                            .addArgumentValue(ShowSummaryArgument.SHOW_SUMMARY_OUTPUT, UpdateSummaryOutputEnum.LOG)
                            .execute());
            mark.record(connection);
            if (postgres) {
                try (var unlock = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
                    unlock.setLong(1, MIGRATION_LOCK);
                    unlock.execute();
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException("database migration failed: " + e.getMessage(), e);
        }
    }
}
