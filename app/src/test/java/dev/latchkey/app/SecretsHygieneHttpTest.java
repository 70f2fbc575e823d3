package dev.latchkey.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.latchkey.app.OAuthTestClient.Page;
import dev.latchkey.app.OAuthTestClient.Pkce;
import dev.latchkey.app.config.LatchkeyConfiguration;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;

/**
 * Every kind of secret Latchkey issues or accepts — API keys, passwords, user tokens, OAuth codes,
 * access and refresh tokens, client secrets, workload secrets and tokens — is used through the API
 * with decision logging at DEBUG; afterwards none of them appears in any log line or any column of
 * any table.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class SecretsHygieneHttpTest {
    private static final int PORT = TestApps.freePort();
    private static final String BASE = "http://127.0.0.1:" + PORT;
    private static final String REDIRECT = "http://127.0.0.1:43117/callback";
    static final DropwizardAppExtension<LatchkeyConfiguration> APP = TestApps.onH2(
            ConfigOverride.config("server.applicationConnectors[0].port", Integer.toString(PORT)),
            ConfigOverride.config("oauth.issuer", BASE));

    @Test
    void noSecretIsLoggedOrStoredInTheClear() throws SQLException {
        LoggerContext logging = (LoggerContext) LoggerFactory.getILoggerFactory();
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.setContext(logging);
        captured.start();
        ch.qos.logback.classic.Logger root = logging.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.addAppender(captured);
        logging.getLogger("dev.latchkey").setLevel(Level.DEBUG);

        Map<String, String> secrets = new LinkedHashMap<>();
        try {
            exerciseEverySecret(secrets);
        } finally {
            root.detachAppender(captured);
        }
        assertThat(secrets).hasSizeGreaterThanOrEqualTo(10);

        List<String> lines = captured.list.stream()
                .map(event -> event.getFormattedMessage()
                        + (event.getThrowableProxy() == null
                                ? ""
                                : " " + event.getThrowableProxy().getMessage()))
                .toList();
        assertThat(lines).as("something was logged").isNotEmpty();
        secrets.forEach(
                (what, value) -> assertThat(lines).as(what + " in a log line").noneMatch(line -> line.contains(value)));

        List<String> stored = everyStoredString();
        assertThat(stored).as("rows were written").hasSizeGreaterThan(20);
        secrets.forEach((what, value) ->
                assertThat(stored).as(what + " in a database column").noneMatch(cell -> cell.contains(value)));
    }

    private void exerciseEverySecret(Map<String, String> secrets) {
        OAuthTestClient client = new OAuthTestClient(BASE);
        secrets.put("password", OAuthTestClient.PASSWORD);
        OAuthTestClient.Person person = client.person();
        secrets.put("user token", person.token());

        Page key = client.postJson("/api-keys", Map.of("name", "agent"), person.token());
        secrets.put("API key", (String) key.json().get("key"));
        client.get("/whoami", "Authorization", "Bearer " + key.json().get("key"));
        client.get("/whoami", "X-API-Key", (String) key.json().get("key"));

        Map<String, Object> registered = client.register("client_secret_post", REDIRECT);
        secrets.put("client secret", (String) registered.get("client_secret"));
        String clientId = (String) registered.get("client_id");
        Pkce pkce = Pkce.fresh();
        secrets.put("PKCE verifier", pkce.verifier());
        Map<String, String> parameters = OAuthTestClient.authorization(clientId, REDIRECT, pkce);
        String code =
                client.approve(parameters, person.email()).redirectParameters().get("code");
        secrets.put("authorization code", code);
        Map<String, Object> tokens = client.postForm(
                        "/oauth/token",
                        Map.of(
                                "grant_type",
                                "authorization_code",
                                "code",
                                code,
                                "redirect_uri",
                                REDIRECT,
                                "client_id",
                                clientId,
                                "client_secret",
                                (String) registered.get("client_secret"),
                                "code_verifier",
                                pkce.verifier()))
                .json();
        secrets.put("OAuth access token", (String) tokens.get("access_token"));
        secrets.put("OAuth refresh token", (String) tokens.get("refresh_token"));
        client.get("/whoami", "Authorization", "Bearer " + tokens.get("access_token"));
        Map<String, Object> refreshed = client.postForm(
                        "/oauth/token",
                        Map.of(
                                "grant_type",
                                "refresh_token",
                                "refresh_token",
                                (String) tokens.get("refresh_token"),
                                "client_id",
                                clientId,
                                "client_secret",
                                (String) registered.get("client_secret")))
                .json();
        secrets.put("rotated refresh token", (String) refreshed.get("refresh_token"));

        Page workload = client.postJson("/internal/auth/workloads", Map.of("name", "agent"), person.token());
        String workloadId = (String) workload.json().get("id");
        secrets.put("workload secret", (String) workload.json().get("secret"));
        String policy = (String) client.postJson(
                        "/internal/auth/workload-policies",
                        Map.of("workload_id", workloadId, "scopes", List.of("records:read")),
                        person.token())
                .json()
                .get("id");
        client.postJson("/internal/auth/workload-policies/" + policy + "/approve", Map.of(), person.token());
        @SuppressWarnings("unchecked")
        Map<String, Object> grant = (Map<String, Object>) client.postJson(
                        "/internal/auth/delegation-grants",
                        Map.of("workload_id", workloadId, "scopes", List.of("records:read")),
                        person.token())
                .json()
                .get("grant");
        Page workloadToken = client.postJson(
                "/internal/auth/workload-token",
                Map.of(
                        "workload_id",
                        workloadId,
                        "workload_secret",
                        secrets.get("workload secret"),
                        "grant_id",
                        grant.get("id")),
                null);
        secrets.put("workload token", (String) workloadToken.json().get("access_token"));
        client.get("/whoami", "Authorization", "Bearer " + workloadToken.json().get("access_token"));

        // Wrong secrets are secrets too: a mistyped key or password must not be logged either.
        String almost = secrets.get("API key").substring(0, 30) + "0000000000";
        secrets.put("mistyped API key", almost);
        client.get("/whoami", "Authorization", "Bearer " + almost);
        client.postJson("/auth/login", Map.of("email", person.email(), "password", "wrong horse battery"), null);
        secrets.put("wrong password", "wrong horse battery");
        secrets.values().removeIf(value -> value == null || value.length() < 16);
    }

    private static List<String> everyStoredString() throws SQLException {
        var db = APP.getConfiguration().getDataSourceFactory();
        List<String> cells = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(db.getUrl(), db.getUser(), db.getPassword());
                ResultSet tables = connection.getMetaData().getTables(null, "PUBLIC", "%", new String[] {"TABLE"})) {
            List<String> names = new ArrayList<>();
            while (tables.next()) {
                names.add(tables.getString("TABLE_NAME"));
            }
            for (String table : names) {
                try (var rows = connection.createStatement().executeQuery("SELECT * FROM \"" + table + "\"")) {
                    int columns = rows.getMetaData().getColumnCount();
                    while (rows.next()) {
                        for (int i = 1; i <= columns; i++) {
                            String value = rows.getString(i);
                            if (value != null) {
                                cells.add(value);
                            }
                        }
                    }
                }
            }
        }
        return cells;
    }
}
