package dev.latchkey.persistence.testing;

import dev.latchkey.persistence.DatabaseMigrations;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * Fresh, migrated databases for tests. PostgreSQL comes from, first that applies: Testcontainers
 * when a Docker engine answers; the server named by {@code LATCHKEY_TEST_POSTGRES_URL}; an embedded
 * real PostgreSQL. Each call gets its own new database, so tests never see each other's rows.
 * PostgreSQL tests never skip: if the chosen source fails, the test fails.
 */
public final class TestDatabases {
    public static final String POSTGRES_URL_VARIABLE = "LATCHKEY_TEST_POSTGRES_URL";

    private static PostgresServer server;

    private TestDatabases() {}

    /** A JDBC URL, user and password for one database. */
    public record Database(String url, String user, String password, DataSource dataSource) {}

    /** A new in-memory H2 database in PostgreSQL mode, migrated. */
    public static Database h2() {
        String url = "jdbc:h2:mem:lk_" + UUID.randomUUID().toString().replace("-", "")
                + ";MODE=PostgreSQL;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL(url);
        ds.setUser("sa");
        ds.setPassword("");
        DatabaseMigrations.apply(ds);
        return new Database(url, "sa", "", ds);
    }

    /** A new database on the test PostgreSQL server, migrated. */
    public static Database postgres() {
        Database database = emptyPostgres();
        DatabaseMigrations.apply(database.dataSource());
        return database;
    }

    /** A new, empty database on the test PostgreSQL server: no schema, not even Liquibase's tables. */
    public static synchronized Database emptyPostgres() {
        if (server == null) {
            server = startServer();
        }
        String name = "latchkey_test_"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
        try (Connection admin = DriverManager.getConnection(server.url(), credentials(server));
                Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "cannot create a test database on " + server.description() + ": " + e.getMessage(), e);
        }
        String url = withDatabase(server.url(), name);
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(url);
        if (!server.user().isEmpty()) {
            // an empty user would override the one named in the URL
            ds.setUser(server.user());
            ds.setPassword(server.password());
        }
        return new Database(url, server.user(), server.password(), ds);
    }

    /** Which PostgreSQL the tests are using, for logs and reports. */
    public static synchronized String postgresDescription() {
        if (server == null) {
            server = startServer();
        }
        return server.description();
    }

    private static Properties credentials(PostgresServer server) {
        Properties properties = new Properties();
        if (!server.user().isEmpty()) {
            properties.setProperty("user", server.user());
            properties.setProperty("password", server.password());
        }
        return properties;
    }

    private record PostgresServer(String url, String user, String password, String description) {}

    private static PostgresServer startServer() {
        if (dockerAvailable()) {
            PostgreSQLContainer container = new PostgreSQLContainer("postgres:16-alpine");
            container.start();
            Runtime.getRuntime().addShutdownHook(new Thread(container::stop));
            return new PostgresServer(
                    container.getJdbcUrl(),
                    container.getUsername(),
                    container.getPassword(),
                    "Testcontainers " + container.getJdbcUrl());
        }
        String configured = System.getenv(POSTGRES_URL_VARIABLE);
        if (configured != null && !configured.isBlank()) {
            return new PostgresServer(
                    configured,
                    System.getenv().getOrDefault("LATCHKEY_TEST_POSTGRES_USER", ""),
                    System.getenv().getOrDefault("LATCHKEY_TEST_POSTGRES_PASSWORD", ""),
                    POSTGRES_URL_VARIABLE + " " + configured.replaceAll("password=[^&]*", "password=***"));
        }
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            // CI must exercise the machine's PostgreSQL, not quietly fall back to another one.
            throw new IllegalStateException("CI=true but " + POSTGRES_URL_VARIABLE + " is not set and no Docker "
                    + "engine answers: .ci/run must start PostgreSQL and export it");
        }
        try {
            EmbeddedPostgres embedded = EmbeddedPostgres.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    embedded.close();
                } catch (IOException ignored) {
                    // the JVM is exiting; the temporary directory goes with it
                }
            }));
            return new PostgresServer(
                    embedded.getJdbcUrl("postgres", "postgres"),
                    "postgres",
                    "",
                    "embedded PostgreSQL on port " + embedded.getPort());
        } catch (IOException e) {
            throw new IllegalStateException(
                    "no PostgreSQL for tests: no Docker, no " + POSTGRES_URL_VARIABLE
                            + ", and embedded PostgreSQL failed to start",
                    e);
        }
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    /** Replaces the database name in a {@code jdbc:postgresql://host:port/db?params} URL. */
    static String withDatabase(String url, String database) {
        int query = url.indexOf('?');
        String base = query < 0 ? url : url.substring(0, query);
        String params = query < 0 ? "" : url.substring(query);
        int slash = base.indexOf('/', "jdbc:postgresql://".length());
        String hostPart = slash < 0 ? base : base.substring(0, slash);
        return hostPart + "/" + database + params;
    }
}
