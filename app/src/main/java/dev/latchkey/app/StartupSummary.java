package dev.latchkey.app;

import dev.latchkey.app.config.LatchkeyConfiguration;
import dev.latchkey.domain.auth.CredentialVerifier;
import dev.latchkey.identity.TrustedIssuerSettings;
import dev.latchkey.persistence.EmbeddedDatabaseSharing;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.NetworkConnector;
import org.eclipse.jetty.server.Server;

/**
 * The one line an operator reads when the server is ready: where it listens, on which database, with
 * which credential kinds, identity providers and routes, and where generated secrets live. Never a
 * secret or a password, only where they are.
 */
final class StartupSummary {

    private StartupSummary() {}

    static String of(Server server, LatchkeyConfiguration configuration, List<CredentialVerifier> verifiers) {
        List<String> parts = new ArrayList<>();
        for (Connector connector : server.getConnectors()) {
            if (connector instanceof NetworkConnector network) {
                String host = network.getHost() == null ? "0.0.0.0" : network.getHost();
                parts.add(connector.getName() + " " + host + ":" + network.getLocalPort());
            }
        }
        parts.add("database " + database(configuration.getDataSourceFactory().getUrl()));
        parts.add("credentials "
                + verifiers.stream().map(v -> v.kind().wireName()).distinct().collect(Collectors.joining(",")));
        List<String> providers = new ArrayList<>(configuration.getTrustedIssuers().stream()
                .map(TrustedIssuerSettings::name)
                .toList());
        if (configuration.getWorkos().isEnabled()) {
            providers.add("workos");
        }
        parts.add("identity providers " + (providers.isEmpty() ? "none" : String.join(",", providers)));
        parts.add(configuration.getRouteRules().size() + " routes");
        parts.add("mail " + configuration.getMail().describe());
        List<String> generated = new ArrayList<>();
        if (isEmpty(configuration.getUserTokens().getSecret())) {
            generated.add(absolute(configuration.getUserTokens().getSecretFile()));
        }
        if (isEmpty(configuration.getWorkloadTokens().getKeyEncryptionKey())) {
            generated.add(absolute(configuration.getWorkloadTokens().getKeyEncryptionKeyFile()));
        }
        parts.add("generated secrets " + (generated.isEmpty() ? "none (all configured)" : String.join(",", generated)));
        return "Latchkey ready: " + String.join("; ", parts);
    }

    /** The H2 file, or the PostgreSQL host and database: never the user or password in the URL. */
    static String database(String url) {
        var file = EmbeddedDatabaseSharing.databaseFile(url);
        if (file.isPresent()) {
            return "H2 " + file.get() + " (shared with this machine's commands)";
        }
        if (url.startsWith("jdbc:postgresql:")) {
            URI uri = URI.create(url.substring("jdbc:".length()));
            return "PostgreSQL " + uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort())
                    + (uri.getPath() == null ? "" : uri.getPath());
        }
        int settings = url.indexOf(';');
        return "H2 " + (settings < 0 ? url : url.substring(0, settings)).substring("jdbc:h2:".length());
    }

    private static boolean isEmpty(String value) {
        return value == null || value.isEmpty();
    }

    private static String absolute(String file) {
        return Path.of(file).toAbsolutePath().normalize().toString();
    }
}
