package dev.latchkey.http.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.latchkey.domain.auth.VerificationCache;
import dev.latchkey.domain.common.RandomIdGenerator;
import dev.latchkey.domain.common.StoreUnavailable;
import dev.latchkey.domain.oauth.AuthenticateClient;
import dev.latchkey.domain.oauth.AuthorizationCodeGrant;
import dev.latchkey.domain.oauth.ClientMetadataDocuments;
import dev.latchkey.domain.oauth.IssueOAuthTokens;
import dev.latchkey.domain.oauth.OAuthClient;
import dev.latchkey.domain.oauth.OAuthClientStore;
import dev.latchkey.domain.oauth.OAuthClients;
import dev.latchkey.domain.oauth.OAuthRevocations;
import dev.latchkey.domain.oauth.OAuthSettings;
import dev.latchkey.domain.oauth.OAuthTokenIssuer;
import dev.latchkey.domain.oauth.ProtectedResources;
import dev.latchkey.domain.oauth.RefreshTokenGrant;
import dev.latchkey.domain.oauth.RevokeOAuthToken;
import dev.latchkey.domain.oauth.SealedMachineTokens;
import dev.latchkey.domain.scope.ScopeSet;
import dev.latchkey.domain.testing.InMemoryAuthorizationCodeStore;
import dev.latchkey.domain.testing.InMemoryCaches;
import dev.latchkey.domain.testing.InMemoryOAuthTokenStore;
import dev.latchkey.domain.testing.InMemoryRevokedTokenStore;
import dev.latchkey.domain.testing.InMemoryUserStore;
import dev.latchkey.domain.testing.InMemoryVerificationCache;
import dev.latchkey.domain.testing.TestCredentialEvents;
import dev.latchkey.http.problem.Refusals;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The token endpoint's servlet alone, on Jetty, over the domain's twins: every failure in the RFC
 * 6749 §5.2 shape (never problem+json), never cached, and a store that cannot be reached is {@code
 * temporarily_unavailable} in that shape too; a page's request gets CORS, its preflight an answer.
 */
class TokenServletTest {
    private static final String ISSUER = "https://auth.example.com";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Server JETTY;
    private static String base;

    /** A client store whose database is down for clients named {@code client_down}. */
    private static final OAuthClientStore CLIENTS = new OAuthClientStore() {
        @Override
        public void insert(OAuthClient client) {}

        @Override
        public Optional<OAuthClient> findById(String clientId) {
            if (clientId.equals("client_down")) {
                throw new StoreUnavailable("the database is down", null);
            }
            return Optional.empty();
        }

        @Override
        public void markUsed(String clientId, Instant at) {}

        @Override
        public int deleteNeverUsedIssuedBefore(Instant cutoff) {
            return 0;
        }

        @Override
        public List<OAuthClient> listMachineClients(String workspaceId) {
            return List.of();
        }

        @Override
        public boolean deleteMachineClient(String workspaceId, String clientId) {
            return false;
        }
    };

    private static TokenServlet servlet() {
        Clock clock = Clock.systemUTC();
        SecureRandom random = new SecureRandom();
        RandomIdGenerator ids = new RandomIdGenerator(random);
        InMemoryOAuthTokenStore tokens = new InMemoryOAuthTokenStore();
        InMemoryAuthorizationCodeStore codes = new InMemoryAuthorizationCodeStore();
        OAuthSettings settings = new OAuthSettings(
                ISSUER,
                "lk_",
                ScopeSet.parseSpaceSeparated("records:read"),
                ScopeSet.parseSpaceSeparated("records:read"),
                Duration.ofHours(1),
                Duration.ofDays(30),
                Duration.ofMinutes(5),
                Duration.ofSeconds(30));
        ProtectedResources resources = new ProtectedResources(List.of(ISSUER));
        OAuthClients clients = new OAuthClients(CLIENTS, ClientMetadataDocuments.NONE);
        VerificationCache cache = new InMemoryVerificationCache(10);
        SealedMachineTokens sealed = new SealedMachineTokens(
                new byte[32], ISSUER, settings.accessTokenPrefix(), new InMemoryRevokedTokenStore());
        OAuthRevocations revocations =
                new OAuthRevocations(tokens, sealed, TestCredentialEvents.forgettingIn(cache), clock);
        OAuthTokenIssuer issuer = new OAuthTokenIssuer(tokens, sealed, clients, settings, ids, random, clock);
        AuthenticateClient authenticate = new AuthenticateClient(clients);
        IssueOAuthTokens issue = new IssueOAuthTokens(
                authenticate,
                List.of(
                        new AuthorizationCodeGrant(codes, issuer, revocations, resources, clock),
                        new RefreshTokenGrant(
                                tokens, issuer, revocations, resources, settings, new InMemoryUserStore(), clock)));
        Refusals refusals = new Refusals(Optional.of(resources), new InMemoryCaches());
        return new TokenServlet(
                issue, new RevokeOAuthToken(authenticate, tokens, sealed, revocations), Optional.empty(), refusals);
    }

    @BeforeAll
    static void start() throws Exception {
        JETTY = new Server(0);
        ServletContextHandler context = new ServletContextHandler();
        context.addServlet(new ServletHolder(servlet()), TokenServlet.TOKEN_PATH);
        context.addServlet(new ServletHolder(servlet()), TokenServlet.REVOKE_PATH);
        JETTY.setHandler(context);
        JETTY.start();
        base = "http://127.0.0.1:" + ((ServerConnector) JETTY.getConnectors()[0]).getLocalPort();
    }

    @AfterAll
    static void stop() throws Exception {
        JETTY.stop();
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpResponse<String> token(Map<String, String> fields) {
        String form = fields.entrySet().stream()
                .map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(base + TokenServlet.TOKEN_PATH))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    private static Map<String, Object> body(HttpResponse<String> response) {
        try {
            return JSON.readValue(response.body(), new TypeReference<Map<String, Object>>() {});
        } catch (java.io.IOException e) {
            throw new IllegalStateException(response.body(), e);
        }
    }

    @Test
    void anUnknownGrantTypeIsUnsupportedInTheOAuthShapeAndNotCached() {
        HttpResponse<String> response = token(Map.of("grant_type", "password", "client_id", "client_1"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
        assertThat(body(response))
                .containsEntry("error", "unsupported_grant_type")
                .doesNotContainKey("code");
        assertThat(response.headers().allValues("Cache-Control")).containsExactly("no-store");
    }

    @Test
    void anUnknownClientIsInvalidClient() {
        HttpResponse<String> response = token(Map.of("grant_type", "authorization_code", "client_id", "client_nobody"));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(body(response)).containsEntry("error", "invalid_client");
    }

    @Test
    void anUnreachableStoreIsTemporarilyUnavailableInTheOAuthShape() {
        HttpResponse<String> response = token(Map.of("grant_type", "authorization_code", "client_id", "client_down"));

        String text = response.body();

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(text).contains("\"error\":\"temporarily_unavailable\"").doesNotContain("\"code\"");
        assertThat(text).as("no store detail reaches the client").doesNotContain("database");
        assertThat(response.headers().firstValue("Retry-After").orElseThrow()).isNotBlank();
    }

    @Test
    void aPagesRequestGetsCorsAndItsPreflightIsAnsweredWhileOtherMethodsAndBodiesAreRefused() {
        HttpResponse<String> preflight = send(HttpRequest.newBuilder(URI.create(base + TokenServlet.TOKEN_PATH))
                .header("Origin", "https://inspector.example")
                .header("Access-Control-Request-Method", "POST")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
        assertThat(preflight.statusCode()).isEqualTo(204);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin"))
                .contains("*");
        assertThat(preflight
                        .headers()
                        .firstValue("Access-Control-Allow-Headers")
                        .orElseThrow())
                .contains("Authorization");

        HttpResponse<String> fromPage = send(HttpRequest.newBuilder(URI.create(base + TokenServlet.TOKEN_PATH))
                .header("Origin", "https://inspector.example")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&client_id=client_1")));
        assertThat(fromPage.statusCode()).isEqualTo(400);
        assertThat(fromPage.headers().firstValue("Access-Control-Allow-Origin")).contains("*");
        assertThat(fromPage.headers()
                        .firstValue("Access-Control-Expose-Headers")
                        .orElseThrow())
                .contains("WWW-Authenticate");

        HttpResponse<String> get = send(HttpRequest.newBuilder(URI.create(base + TokenServlet.TOKEN_PATH)));
        assertThat(get.statusCode()).isEqualTo(405);
        HttpResponse<String> json = send(HttpRequest.newBuilder(URI.create(base + TokenServlet.TOKEN_PATH))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertThat(json.statusCode()).isEqualTo(415);
        HttpResponse<String> badEscape = send(HttpRequest.newBuilder(URI.create(base + TokenServlet.TOKEN_PATH))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=%zz")));
        assertThat(badEscape.statusCode()).isEqualTo(400);
        assertThat(body(badEscape)).containsEntry("error", "invalid_request");
        HttpResponse<String> revoke = send(HttpRequest.newBuilder(URI.create(base + TokenServlet.REVOKE_PATH))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("token=lk_oat_unknown&client_id=client_nobody")));
        assertThat(revoke.statusCode())
                .as("an unknown client is refused before any token is looked at")
                .isEqualTo(401);
        assertThat(body(revoke)).containsEntry("error", "invalid_client");
    }
}
