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

    /**
     * Applies every pending change set; safe to run on every start and from several processes. On
     * PostgreSQL the whole migration runs under a session-level advisory lock: Liquibase's own lock
     * lives in a table it must first create, and two instances starting on an empty database would
     * both try to (the loser dies on "relation databasechangelog already exists").
     */
    public static void apply(DataSource dataSource) {
        // These machines have no outside network, and we do not phone home anyway.
        System.setProperty("liquibase.analytics.enabled", "false");
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
