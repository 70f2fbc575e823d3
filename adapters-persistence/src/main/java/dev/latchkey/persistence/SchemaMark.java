package dev.latchkey.persistence;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The record that a database's schema is exactly one changelog's: its SHA-256, written after
 * Liquibase migrated to it, in a one-row table of its own ({@code latchkey_schema_mark}, outside the
 * changelog so that a rollback cannot leave it behind unnoticed). Trusted only together with the
 * number of applied change sets, so a change set rolled back by hand is noticed too.
 */
final class SchemaMark {
    private static final String TABLE = "latchkey_schema_mark";
    private static final Pattern CHANGE_SET = Pattern.compile("<changeSet\\b");

    private final String sha256;
    private final int changeSets;

    private SchemaMark(String sha256, int changeSets) {
        this.sha256 = sha256;
        this.changeSets = changeSets;
    }

    /** The mark of the changelog on the classpath at {@code resource}. */
    static SchemaMark ofChangelog(String resource) {
        try (InputStream in = SchemaMark.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the changelog " + resource + " is not on the classpath");
            }
            byte[] changelog = in.readAllBytes();
            Matcher sets = CHANGE_SET.matcher(new String(changelog, StandardCharsets.UTF_8));
            int count = 0;
            while (sets.find()) {
                count++;
            }
            return new SchemaMark(
                    HexFormat.of()
                            .formatHex(MessageDigest.getInstance("SHA-256").digest(changelog)),
                    count);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK ships SHA-256", e);
        }
    }

    /** Whether this changelog was the last one migrated to, with all its change sets still applied. */
    boolean isCurrent(Connection connection) throws SQLException {
        if (!exists(connection, TABLE) || !exists(connection, "databasechangelog")) {
            return false;
        }
        try (var marked = connection.prepareStatement("SELECT changelog_sha256 FROM " + TABLE);
                var applied = connection.prepareStatement("SELECT COUNT(*) FROM databasechangelog")) {
            try (var rows = marked.executeQuery()) {
                if (!rows.next() || !sha256.equals(rows.getString(1)) || rows.next()) {
                    return false;
                }
            }
            try (var rows = applied.executeQuery()) {
                return rows.next() && rows.getInt(1) == changeSets;
            }
        }
    }

    /** Records this changelog as the schema's, replacing any earlier record. */
    void record(Connection connection) throws SQLException {
        try (var create = connection.createStatement()) {
            create.execute("CREATE TABLE IF NOT EXISTS " + TABLE + " (changelog_sha256 VARCHAR(64) NOT NULL)");
        }
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (var clear = connection.prepareStatement("DELETE FROM " + TABLE);
                var insert = connection.prepareStatement("INSERT INTO " + TABLE + " (changelog_sha256) VALUES (?)")) {
            clear.executeUpdate();
            insert.setString(1, sha256);
            insert.executeUpdate();
            connection.commit();
        } catch (SQLException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    /** Removes any record, so that the next start runs Liquibase. */
    static void forget(Connection connection) throws SQLException {
        if (exists(connection, TABLE)) {
            try (var clear = connection.createStatement()) {
                clear.executeUpdate("DELETE FROM " + TABLE);
            }
        }
    }

    /** PostgreSQL folds unquoted names to lower case and H2 to upper case: ask for both. */
    private static boolean exists(Connection connection, String table) throws SQLException {
        var metadata = connection.getMetaData();
        for (String name : new String[] {table, table.toUpperCase(java.util.Locale.ROOT)}) {
            try (var tables = metadata.getTables(null, null, name, new String[] {"TABLE"})) {
                if (tables.next()) {
                    return true;
                }
            }
        }
        return false;
    }
}
