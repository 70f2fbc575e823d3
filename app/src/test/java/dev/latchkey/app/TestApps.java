package dev.latchkey.app;

import dev.latchkey.app.config.LatchkeyConfiguration;
import dev.latchkey.domain.audit.Initiator;
import dev.latchkey.domain.workspace.lifecycle.CreateWorkspace;
import dev.latchkey.persistence.testing.TestDatabases;
import io.dropwizard.jackson.Jackson;
import io.dropwizard.jersey.jackson.JacksonFeature;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.client.WebTarget;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/** Latchkey started for real on a random port, over a fresh database, plus ways to seed it. */
final class TestApps {
    /**
     * A plain client: Dropwizard's test client (Apache HttpClient) silently honours Retry-After and
     * would sleep through a 429 instead of showing it to the test.
     */
    private static final Client CLIENT =
            ClientBuilder.newClient().register(new JacksonFeature(Jackson.newObjectMapper()));

    private TestApps() {}

    static DropwizardAppExtension<LatchkeyConfiguration> onPostgres() {
        return on(TestDatabases.postgres());
    }

    /** On H2, with extra overrides (such as the URLs of faked identity providers). */
    static DropwizardAppExtension<LatchkeyConfiguration> onH2(ConfigOverride... overrides) {
        return on(TestDatabases.h2(), overrides);
    }

    /** A shipped profile (profiles/NAME.yml) on a fresh H2, random ports and a test secret. */
    static DropwizardAppExtension<LatchkeyConfiguration> profile(String name, ConfigOverride... extra) {
        return profileAt(name, 0, extra);
    }

    /**
     * A shipped profile on a fixed port, for apps whose public URL (the OAuth issuer) must be known
     * before they start. A key must not be overridden twice: the test support keeps overrides in a
     * set, so which of two would win is left to chance.
     */
    static DropwizardAppExtension<LatchkeyConfiguration> profileAt(String name, int port, ConfigOverride... extra) {
        return configAt("../profiles/" + name + ".yml", port, extra);
    }

    /** A configuration file of the repository (an example's, say), as {@link #profileAt} runs a profile. */
    static DropwizardAppExtension<LatchkeyConfiguration> configAt(String path, int port, ConfigOverride... extra) {
        TestDatabases.Database database = TestDatabases.h2();
        List<ConfigOverride> overrides = new ArrayList<>(List.of(
                ConfigOverride.config("database.url", database.url()),
                ConfigOverride.config("database.user", database.user()),
                ConfigOverride.config("database.password", database.password()),
                ConfigOverride.config("server.applicationConnectors[0].port", Integer.toString(port)),
                ConfigOverride.config("server.adminConnectors[0].port", "0"),
                ConfigOverride.config("mail.outbox", "target/outbox"),
                ConfigOverride.config("passwords.maxSignUpsPerAddress", "100000"),
                ConfigOverride.config("userTokens.secret", "test-only-secret-3f9a1c7e5b2d4f6a8c0e1b3d5f7a9c2e"),
                ConfigOverride.config(
                        "workloadTokens.keyEncryptionKey", "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8="),
                ConfigOverride.config("apiKeys.hashing.memoryKib", "1024"),
                ConfigOverride.config("apiKeys.hashing.iterations", "1")));
        overrides.addAll(List.of(extra));
        return new DropwizardAppExtension<>(LatchkeyApplication.class, path, overrides.toArray(ConfigOverride[]::new));
    }

    /** On a given database: several instances may share one, as behind a load balancer. */
    static DropwizardAppExtension<LatchkeyConfiguration> onDatabase(
            TestDatabases.Database database, ConfigOverride... overrides) {
        return on(database, overrides);
    }

    /**
     * A further instance on that database, started and stopped by the test itself. Overrides are
     * system properties that remember the value they replaced, so instances sharing keys must stop
     * in reverse order of starting; an extension-managed second instance would not.
     */
    static io.dropwizard.testing.DropwizardTestSupport<LatchkeyConfiguration> anotherInstance(
            TestDatabases.Database database, ConfigOverride... extra) {
        return new io.dropwizard.testing.DropwizardTestSupport<>(
                LatchkeyApplication.class,
                ResourceHelpers.resourceFilePath("latchkey-test.yml"),
                onDatabaseOverrides(database, extra));
    }

    private static ConfigOverride[] onDatabaseOverrides(TestDatabases.Database database, ConfigOverride... extra) {
        List<ConfigOverride> overrides = new ArrayList<>(List.of(
                ConfigOverride.config("database.url", database.url()),
                ConfigOverride.config("database.user", database.user()),
                ConfigOverride.config("database.password", database.password())));
        overrides.addAll(List.of(extra));
        return overrides.toArray(ConfigOverride[]::new);
    }

    /** One call with a bearer credential to an instance on {@code port}. */
    static Reply call(int port, String method, String path, String token) {
        return Reply.of(CLIENT.target("http://localhost:" + port)
                .path(path)
                .request()
                .header("Authorization", "Bearer " + token)
                .method(method));
    }

    private static DropwizardAppExtension<LatchkeyConfiguration> on(
            TestDatabases.Database database, ConfigOverride... extra) {
        return new DropwizardAppExtension<>(
                LatchkeyApplication.class,
                ResourceHelpers.resourceFilePath("latchkey-test.yml"),
                onDatabaseOverrides(database, extra));
    }

    /** A port free right now, for an app whose public URL must be known before it starts. */
    static int freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The use cases over the app's database, as an operator command on the same machine gets them. */
    private static LatchkeyCore operatorCore(DropwizardAppExtension<LatchkeyConfiguration> app) {
        LatchkeyConfiguration config = app.getConfiguration();
        var db = config.getDataSourceFactory();
        Jdbi jdbi = Jdbi.create(db.getUrl(), db.getUser(), db.getPassword());
        return LatchkeyApplication.core(config, jdbi, new com.codahale.metrics.MetricRegistry(), Clock.systemUTC());
    }

    /** The kinds of credential the app's verifiers recognise, in the order they are asked. */
    static java.util.List<dev.latchkey.domain.auth.CredentialKind> verifierOrder(
            DropwizardAppExtension<LatchkeyConfiguration> app) {
        return operatorCore(app).verifiers().stream()
                .map(dev.latchkey.domain.auth.CredentialVerifier::kind)
                .toList();
    }

    /** Creates a workspace through the same use case the operator command runs. */
    static CreateWorkspace.Created createWorkspace(DropwizardAppExtension<LatchkeyConfiguration> app, String name) {
        return operatorCore(app).workspaces.createWorkspace.execute(name, Initiator.operator("test"));
    }

    /** Binds a WorkOS organization to a workspace, as the operator's {@code actors bind} does. */
    static void bindOrganization(
            DropwizardAppExtension<LatchkeyConfiguration> app, String tenant, String organization) {
        operatorCore(app)
                .workspaces
                .manageActorMappings
                .bindOrganization(tenant, "workos", organization, false, Initiator.operator("test"));
    }

    static WebTarget target(DropwizardAppExtension<LatchkeyConfiguration> app, String path) {
        return CLIENT.target("http://localhost:" + app.getLocalPort()).path(path);
    }

    static Invocation.Builder request(DropwizardAppExtension<LatchkeyConfiguration> app, String path) {
        return target(app, path).request();
    }

    /** One call with a bearer credential, read in full. */
    static Reply call(
            DropwizardAppExtension<LatchkeyConfiguration> app,
            String method,
            String path,
            String token,
            java.util.Map<String, ?> body) {
        Invocation.Builder builder = request(app, path).header("Authorization", "Bearer " + token);
        return Reply.of(
                body == null ? builder.method(method) : builder.method(method, jakarta.ws.rs.client.Entity.json(body)));
    }

    static Invocation.Builder admin(DropwizardAppExtension<LatchkeyConfiguration> app, String path) {
        return CLIENT.target("http://localhost:" + app.getAdminPort())
                .path(path)
                .request();
    }

    /**
     * Registers a person and proves the address as a person would: the verification link is read
     * from the mail in the outbox (latchkey-test.yml: target/outbox) and followed. Returns the token
     * registration gave.
     */
    static String registerVerified(DropwizardAppExtension<LatchkeyConfiguration> app, String email, String password) {
        Reply registered = Reply.of(request(app, "/auth/register")
                .post(jakarta.ws.rs.client.Entity.json(java.util.Map.of("email", email, "password", password))));
        org.assertj.core.api.Assertions.assertThat(registered.status())
                .as(registered.body().toString())
                .isEqualTo(201);
        String token = mailedToken(email, "Confirm your email address");
        Reply verified = Reply.of(request(app, "/auth/verify-email")
                .post(jakarta.ws.rs.client.Entity.json(java.util.Map.of("token", token))));
        org.assertj.core.api.Assertions.assertThat(verified.status()).isEqualTo(200);
        return registered.string("access_token");
    }

    /** The text of the newest outbox mail to {@code email} with that subject. */
    static String mailText(String email, String subject) {
        try (var files = java.nio.file.Files.list(java.nio.file.Path.of("target/outbox"))) {
            for (java.nio.file.Path file :
                    files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                String mail = java.nio.file.Files.readString(file);
                if (mail.startsWith("To: " + email + "\n") && mail.contains("Subject: " + subject)) {
                    return mail;
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        throw new AssertionError("no mail to " + email + " about " + subject);
    }

    /** The single-use token of the newest outbox mail to {@code email} with that subject. */
    static String mailedToken(String email, String subject) {
        String mail = mailText(email, subject);
        var token = java.util.regex.Pattern.compile("token: ([A-Za-z0-9_-]+)").matcher(mail);
        org.assertj.core.api.Assertions.assertThat(token.find()).as(mail).isTrue();
        return token.group(1);
    }
}
