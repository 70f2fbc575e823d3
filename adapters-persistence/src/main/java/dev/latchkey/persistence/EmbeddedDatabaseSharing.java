package dev.latchkey.persistence;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Properties;
import org.h2.tools.Server;

/**
 * Lets the operator commands ({@code workspace create}, {@code keys rotate}, {@code actors import},
 * {@code db migrate}) run while the server holds the embedded H2 file database.
 *
 * <p>H2 lets one process open a file database. The running server therefore shares its database
 * through an H2 TCP server of its own and writes where to find it next to the database file
 * ({@code <database>.server}: port and a random key, readable by its owner only); a command that
 * finds that file connects through it. Why not H2's {@code AUTO_SERVER=TRUE}: that mode listens with
 * {@code -tcpAllowOthers}, accepting connections from other machines; this server refuses every
 * connection that does not come from this machine, and serves only the database named by its
 * 128-bit key. PostgreSQL needs none of this: every process connects to it.
 */
public final class EmbeddedDatabaseSharing implements AutoCloseable {
    private static final String FILE_PREFIX = "jdbc:h2:file:";

    private final Server server;
    private final Path discovery;

    private EmbeddedDatabaseSharing(Server server, Path discovery) {
        this.server = server;
        this.discovery = discovery;
    }

    /** The database file a JDBC URL names, when it is an embedded H2 file database. */
    public static Optional<Path> databaseFile(String url) {
        if (!url.startsWith(FILE_PREFIX)) {
            return Optional.empty();
        }
        String rest = url.substring(FILE_PREFIX.length());
        int settings = rest.indexOf(';');
        return Optional.of(Path.of(settings < 0 ? rest : rest.substring(0, settings))
                .toAbsolutePath()
                .normalize());
    }

    /**
     * Serves the database a running server holds to this machine's commands; empty when the URL is
     * not an embedded H2 file database.
     */
    public static Optional<EmbeddedDatabaseSharing> serve(String url) throws SQLException, IOException {
        Optional<Path> file = databaseFile(url);
        if (file.isEmpty()) {
            return Optional.empty();
        }
        byte[] random = new byte[16];
        new SecureRandom().nextBytes(random);
        String key = HexFormat.of().formatHex(random);
        // No -tcpAllowOthers: H2 closes every connection whose peer is not an address of this machine.
        Server server = Server.createTcpServer(
                        "-tcpPort", "0", "-tcpDaemon", "-key", key, file.get().toString())
                .start();
        Path discovery = discoveryFile(file.get());
        Properties where = new Properties();
        where.setProperty("port", Integer.toString(server.getPort()));
        where.setProperty("key", key);
        Files.deleteIfExists(discovery);
        try {
            Files.createFile(
                    discovery, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(discovery);
        } catch (FileAlreadyExistsException raced) {
            server.stop();
            throw new IOException("another server is starting on " + file.get());
        }
        try (Writer out =
                Files.newBufferedWriter(discovery, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING)) {
            where.store(out, "Latchkey: where the running server shares its embedded database (do not copy)");
        }
        return Optional.of(new EmbeddedDatabaseSharing(server, discovery));
    }

    /**
     * The URL a command should use: through the running server when one shares this database and
     * answers, else the URL itself.
     */
    public static String urlForCommand(String url, String user, String password) {
        Optional<Path> file = databaseFile(url);
        if (file.isEmpty() || !Files.isReadable(discoveryFile(file.get()))) {
            return url;
        }
        Properties where = new Properties();
        try (Reader in = Files.newBufferedReader(discoveryFile(file.get()), StandardCharsets.UTF_8)) {
            where.load(in);
        } catch (IOException unreadable) {
            return url;
        }
        int settings = url.indexOf(';');
        String shared = "jdbc:h2:tcp://127.0.0.1:" + where.getProperty("port") + "/" + where.getProperty("key")
                + (settings < 0 ? "" : url.substring(settings));
        try (var probe = DriverManager.getConnection(shared, user, password)) {
            return shared;
        } catch (SQLException gone) {
            // A server that stopped without cleaning up: the file is free again (or in use by
            // something else, which opening it will say).
            return url;
        }
    }

    /** The port the database is shared on. */
    public int port() {
        return server.getPort();
    }

    @Override
    public void close() {
        server.stop();
        try {
            Files.deleteIfExists(discovery);
        } catch (IOException ignored) {
            // Left behind, it is recognised as stale: nothing answers on its port.
        }
    }

    private static Path discoveryFile(Path database) {
        return database.resolveSibling(database.getFileName() + ".server");
    }
}
