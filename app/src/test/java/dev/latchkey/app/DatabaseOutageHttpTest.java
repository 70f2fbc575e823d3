package dev.latchkey.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.latchkey.app.config.LatchkeyConfiguration;
import dev.latchkey.persistence.testing.TestDatabases;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The database stops under Latchkey (its PostgreSQL connections are cut by a relay) and comes
 * back: decisions that need it answer 503, never 401 or 500, and never hang; credentials verified
 * recently keep working; and service resumes by itself.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class DatabaseOutageHttpTest {
    private static final Pattern HOST_PORT = Pattern.compile("//([^:/]+):(\\d+)/");
    private static final TestDatabases.Database DATABASE = TestDatabases.postgres();
    private static final TcpProxy PROXY = proxyTo(DATABASE.url());
    static final DropwizardAppExtension<LatchkeyConfiguration> APP = TestApps.onDatabase(
            new TestDatabases.Database(
                    HOST_PORT.matcher(DATABASE.url()).replaceFirst("//127.0.0.1:" + PROXY.port() + "/"),
                            DATABASE.user(),
                    DATABASE.password(), DATABASE.dataSource()),
            ConfigOverride.config("database.maxWaitForConnection", "1s"));

    private static TcpProxy proxyTo(String jdbcUrl) {
        Matcher m = HOST_PORT.matcher(jdbcUrl);
        assertThat(m.find())
                .as("a PostgreSQL URL with host and port: " + jdbcUrl)
                .isTrue();
        return new TcpProxy(m.group(1), Integer.parseInt(m.group(2)));
    }

    @AfterAll
    static void closeProxy() {
        PROXY.close();
    }

    private static Reply whoami(String key) {
        return TestApps.call(APP, "GET", "/whoami", key, null);
    }

    @Test
    void aDatabaseOutageIs503ForWhatNeedsItAndPassesUnnoticedByWhatIsCached() throws InterruptedException {
        var workspace = TestApps.createWorkspace(APP, "outage");
        String cached = workspace.firstKey().secret().value();
        String uncached = (String) TestApps.call(APP, "POST", "/api-keys", cached, Map.of("name", "spare"))
                .body()
                .get("key");
        assertThat(whoami(cached).status()).isEqualTo(200);

        PROXY.cut();
        try {
            Instant start = Instant.now();
            assertThat(whoami(cached).status())
                    .as("verified recently: answered from memory")
                    .isEqualTo(200);
            Reply unknown = whoami(uncached);
            Reply.assertProblem(unknown, 503, "identity_provider_unavailable");
            assertThat(unknown.header("Retry-After")).isNotNull();
            Reply management = TestApps.call(APP, "GET", "/api-keys", cached, null);
            Reply.assertProblem(management, 503, "service_unavailable");
            assertThat(Duration.between(start, Instant.now()))
                    .as("nothing hangs")
                    .isLessThan(Duration.ofSeconds(15));
            assertThat(unknown.body().toString()).doesNotContain("Exception").doesNotContain("postgres");
            Reply token = Reply.of(TestApps.request(APP, "/oauth/token")
                    .post(jakarta.ws.rs.client.Entity.form(new jakarta.ws.rs.core.Form()
                            .param("grant_type", "refresh_token")
                            .param("refresh_token", "rt_x")
                            .param("client_id", "client_x"))));
            assertThat(token.status()).as(token.body().toString()).isEqualTo(503);
            assertThat(token.body())
                    .as("OAuth clients parse error, not problem+json")
                    .containsEntry("error", "temporarily_unavailable")
                    .containsKey("error_description");
            assertThat(token.header("Retry-After")).isNotNull();
            assertThat(token.header("Cache-Control")).isEqualTo("no-store");
        } finally {
            PROXY.restore();
        }

        await("service resumes by itself once the database is back")
                .atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> whoami(uncached).status() == 200);
        assertThat(TestApps.call(APP, "GET", "/api-keys", cached, null).status())
                .isEqualTo(200);
    }

    @Test
    void midLoadTheOutageIs503ForWhatNeedsTheDatabaseAndNothingElseChanges() throws InterruptedException {
        String key = TestApps.createWorkspace(APP, "outage-under-load")
                .firstKey()
                .secret()
                .value();
        assertThat(whoami(key).status()).isEqualTo(200);
        SteadyLoad.Tally before;
        SteadyLoad.Tally during;
        SteadyLoad.Tally after;
        try (SteadyLoad load = new SteadyLoad(
                APP.getLocalPort(),
                2,
                SteadyLoad.Kind.bearer("cached", "/whoami", key),
                SteadyLoad.Kind.bearer("database", "/api-keys", key))) {
            before = load.run(Duration.ofSeconds(1));
            PROXY.cut();
            try {
                during = load.run(Duration.ofSeconds(3));
            } finally {
                PROXY.restore();
            }
            awaitDatabase(key);
            load.next();
            after = load.run(Duration.ofSeconds(1));
        }

        assertThat(before.of("database").statuses()).as(before.toString()).containsOnlyKeys(200);
        assertThat(during.of("cached").statuses())
                .as("verified recently: " + during)
                .containsOnlyKeys(200);
        assertThat(during.of("database").statuses())
                .as("the outage was noticed: " + during)
                .containsKey(503);
        assertThat(during.of("database").statuses().keySet())
                .as("200 (finished first) or 503, never 401 or 500: " + during)
                .isSubsetOf(200, 503);
        assertThat(during.of("database").slowest())
                .as("no request waits past the pool's timeout")
                .isLessThan(Duration.ofSeconds(5));
        assertThat(after.of("cached").statuses()).as(after.toString()).containsOnlyKeys(200);
        assertThat(after.of("database").statuses())
                .as("resumed by itself: " + after)
                .containsOnlyKeys(200);
    }

    private static void awaitDatabase(String key) throws InterruptedException {
        await("the database is back, so service resumes")
                .atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> TestApps.call(APP, "GET", "/api-keys", key, null).status() == 200);
    }
}
