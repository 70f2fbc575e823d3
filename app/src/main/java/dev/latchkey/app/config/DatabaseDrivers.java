package dev.latchkey.app.config;

/** The JDBC driver for each database Latchkey supports. */
final class DatabaseDrivers {

    private DatabaseDrivers() {}

    static String forUrl(String url) {
        if (url == null) {
            throw new IllegalArgumentException("database.url is not set");
        }
        if (url.startsWith("jdbc:postgresql:")) {
            return "org.postgresql.Driver";
        }
        if (url.startsWith("jdbc:h2:")) {
            return "org.h2.Driver";
        }
        throw new IllegalArgumentException("database.url must be a jdbc:postgresql: or jdbc:h2: URL; got "
                + url.replaceAll("password=[^&;]*", "password=***"));
    }
}
