package dev.latchkey.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import liquibase.Liquibase;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.LiquibaseException;
import liquibase.resource.ClassLoaderResourceAccessor;

/** Brings a database's schema up to date with Latchkey's Liquibase changelog. */
public final class DatabaseMigrations {
    /** The changelog on the classpath; the {@code db} commands use it too. */
    public static final String CHANGELOG = "db/latchkey-changelog.xml";

    private DatabaseMigrations() {
    }

    /** Applies every pending change set; safe to run on every start. */
    @SuppressWarnings("deprecation") // Liquibase#update(String) is the stable 4.x entry point
    public static void apply(DataSource dataSource) {
        System.setProperty("liquibase.analytics.enabled", "false");
        try (Connection connection = dataSource.getConnection()) {
            Database database = DatabaseFactory.getInstance()
                    .findCorrectDatabaseImplementation(new JdbcConnection(connection));
            Liquibase liquibase = new Liquibase(CHANGELOG, new ClassLoaderResourceAccessor(), database);
            liquibase.update("");
        } catch (SQLException | LiquibaseException e) {
            throw new IllegalStateException("database migration failed: " + e.getMessage(), e);
        }
    }
}
