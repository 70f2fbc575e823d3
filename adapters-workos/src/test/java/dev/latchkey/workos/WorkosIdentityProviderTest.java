package dev.latchkey.workos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.latchkey.domain.error.AuthError;
import dev.latchkey.domain.error.AuthFailure;
import dev.latchkey.domain.provider.ProviderIdentity;
import dev.latchkey.outbound.OutboundCallSettings;
import dev.latchkey.outbound.testing.TestIssuer;
import dev.latchkey.workos.testing.FakeWorkos;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WorkosIdentityProviderTest {
    private FakeWorkos workos;
    private WorkosIdentityProvider provider;

    @BeforeEach
    void setUp() {
        workos = new FakeWorkos();
        provider = provider(FakeWorkos.SECRET);
    }

    private WorkosIdentityProvider provider(String secret) {
        URI base = URI.create(workos.baseUrl());
        return new WorkosIdentityProvider(
                new WorkosSettings(
                        base,
                        secret,
                        FakeWorkos.CLIENT_ID,
                        WorkosSettings.defaultIssuers(base, FakeWorkos.CLIENT_ID),
                        List.of("latchkey-api")),
                new OutboundCallSettings(
                        Duration.ofMillis(1500), 2, Duration.ofMillis(10), 50f, 4, Duration.ofMillis(800), 8),
                Clock.systemUTC());
    }

    @AfterEach
    void tearDown() {
        workos.close();
    }

    private static void assertFails(AuthError error, Runnable call) {
        assertThatThrownBy(call::run)
                .isInstanceOfSatisfying(
                        AuthFailure.class, f -> assertThat(f.error()).isEqualTo(error));
    }

    @Test
    void anAuthKitTokenVerifiesLocallyAndNamesTheUserThenTheOrganization() {
        String token = workos.accessToken("user_01ANA", "org_01STUDIO");

        assertThat(provider.issuedAccessToken(token)).isTrue();
        ProviderIdentity identity = provider.verifyAccessToken(token);

        assertThat(identity.subjects()).containsExactly("user_01ANA", "org_01STUDIO");
        assertThat(identity.organizationId()).contains("org_01STUDIO");
        assertThat(identity.validUntil()).isAfter(Instant.now());
    }

    private static final String MCP = "https://api.tattoo.example/mcp";

    private WorkosIdentityProvider withMcp() {
        URI base = URI.create(workos.baseUrl());
        return new WorkosIdentityProvider(
                new WorkosSettings(
                        base,
                        FakeWorkos.SECRET,
                        FakeWorkos.CLIENT_ID,
                        WorkosSettings.defaultIssuers(base, FakeWorkos.CLIENT_ID),
                        List.of(),
                        java.util.Optional.of(
                                new WorkosSettings.McpAuthorization(MCP, URI.create(workos.authkitDomain())))),
                OutboundCallSettings.defaults(),
                Clock.systemUTC());
    }

    @Test
    void anAuthKitTokenForTheMcpResourceVerifiesWithTheDomainsKeysAndIsBoundToIt() {
        WorkosIdentityProvider provider = withMcp();
        String token = workos.mcpAccessToken(MCP, "user_01ANA", "org_01STUDIO", "client_mcp_claude");

        assertThat(provider.issuedAccessToken(token)).isTrue();
        ProviderIdentity identity = provider.verifyAccessToken(token);
        assertThat(identity.subjects()).containsExactly("user_01ANA", "org_01STUDIO");
        assertThat(identity.resource()).contains(MCP);
        assertThat(identity.clientId()).contains("client_mcp_claude");

        ProviderIdentity session = provider.verifyAccessToken(workos.accessToken("user_01ANA", "org_01STUDIO"));
        assertThat(session.resource()).as("a session token is bound to nothing").isEmpty();
    }

    @Test
    void anMcpTokenForAnotherResourceOrSignedByAnotherKeyIsRefused() {
        WorkosIdentityProvider provider = withMcp();
        assertFails(
                AuthError.INVALID_JWT,
                () -> provider.verifyAccessToken(
                        workos.mcpAccessToken("https://elsewhere.example/mcp", "user_1", "org_1", "client_x")));
        assertFails(
                AuthError.INVALID_JWT,
                () -> provider.verifyAccessToken(workos.mcpAccessTokenSignedByTheWrongKey(MCP, "user_1", "org_1")));
        assertThat(this.provider.issuedAccessToken(workos.mcpAccessToken(MCP, "user_1", "org_1", "client_x")))
                .as("without workos.mcp the AuthKit domain is no issuer of ours")
                .isFalse();
    }

    @Test
    void authKitsAudienceTheClientIdIsAcceptedWithNoneConfiguredAndOthersAreRefused() {
        URI base = URI.create(workos.baseUrl());
        WorkosIdentityProvider unconfigured = new WorkosIdentityProvider(
                new WorkosSettings(
                        base,
                        FakeWorkos.SECRET,
                        FakeWorkos.CLIENT_ID,
                        WorkosSettings.defaultIssuers(base, FakeWorkos.CLIENT_ID),
                        List.of()),
                OutboundCallSettings.defaults(),
                Clock.systemUTC());

        assertThat(unconfigured
                        .verifyAccessToken(workos.accessToken("user_1", "org_1"))
                        .subjects())
                .as("as WorkOS mints them: aud is the client id")
                .contains("user_1");
        assertThat(provider.verifyAccessToken(workos.accessTokenFor("latchkey-api", "user_1", "org_1"))
                        .subjects())
                .as("a configured extra audience")
                .contains("user_1");
        assertFails(
                AuthError.INVALID_JWT,
                () -> unconfigured.verifyAccessToken(workos.accessTokenFor("someone-else", "user_1", "org_1")));
    }

    @Test
    void tokensOfOtherIssuersAreNotWorkosTokens() {
        String foreign = FakeWorkos.accessToken(
                TestIssuer.newKey("k"),
                "https://evil.example",
                "user_1",
                "org_1",
                Instant.now().plusSeconds(60));

        assertThat(provider.issuedAccessToken(foreign)).isFalse();
    }

    @Test
    void anUnknownKeyIsEmptyAndAKnownOneNamesKeyThenOwner() {
        workos.knowsApiKey("sk_agent_value_1234", "api_key_01AGENT", "org_01STUDIO");

        assertThat(provider.validateApiKey("sk_unknown_value_9999")).isEmpty();
        ProviderIdentity identity =
                provider.validateApiKey("sk_agent_value_1234").orElseThrow();
        assertThat(identity.subjects()).containsExactly("api_key_01AGENT", "org_01STUDIO");
        assertThat(identity.credentialId()).isEqualTo("api_key_01AGENT");
    }

    @Test
    void aRejectedSecretIsUnavailableAndShowsOnHealthNeverInvalid() {
        WorkosIdentityProvider misconfigured = provider("sk_test_wrong_secret");

        assertFails(AuthError.IDENTITY_PROVIDER_UNAVAILABLE, () -> misconfigured.validateApiKey("sk_anything_1234"));
        assertThat(misconfigured.secretRejected()).isTrue();
    }

    @Test
    void theBreakerOpensAnswersUnavailableWithoutCallingThenHalfOpensAndRecovers() throws Exception {
        workos.failValidationsWith(500);
        for (int i = 0; i < 4; i++) {
            assertFails(AuthError.IDENTITY_PROVIDER_UNAVAILABLE, () -> provider.validateApiKey("sk_k_0001"));
        }
        CircuitBreaker breaker = provider.circuitBreakers().circuitBreaker("workos-api");
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);
        int calls = workos.validations();
        assertFails(AuthError.IDENTITY_PROVIDER_UNAVAILABLE, () -> provider.validateApiKey("sk_k_0001"));
        assertThat(workos.validations()).as("no call while open").isEqualTo(calls);

        workos.reset();
        workos.knowsApiKey("sk_k_0001", "api_key_01K", "org_01K");
        Thread.sleep(900);

        assertThat(provider.validateApiKey("sk_k_0001")).isPresent();
        assertThat(breaker.getState()).isIn(CircuitBreaker.State.CLOSED, CircuitBreaker.State.HALF_OPEN);
    }

    @Test
    void rateLimitingAndDroppedConnectionsAreUnavailable() {
        workos.failValidationsWith(429);
        int before = workos.validations();
        assertFails(AuthError.IDENTITY_PROVIDER_UNAVAILABLE, () -> provider.validateApiKey("sk_k_0002"));
        assertThat(workos.validations() - before)
                .as("Retry-After: 30 is too long to wait: no retry")
                .isEqualTo(1);
        workos.dropValidationConnections();
        assertFails(AuthError.IDENTITY_PROVIDER_UNAVAILABLE, () -> provider.validateApiKey("sk_k_0003"));
    }

    @Test
    void aValueWorkosCannotReadAsAKeyIsInvalidNotAnOutage() {
        workos.failValidationsWith(422);

        assertThat(provider.validateApiKey("not even a key")).isEmpty();
        assertThat(provider.secretRejected()).isFalse();
    }

    @Test
    void anUnexpected404AndASlowAnswerAreUnavailable() {
        workos.failValidationsWith(404);
        assertFails(AuthError.IDENTITY_PROVIDER_UNAVAILABLE, () -> provider.validateApiKey("sk_k_0004"));

        workos.slowValidations(4000);
        long started = System.nanoTime();
        assertFails(AuthError.IDENTITY_PROVIDER_UNAVAILABLE, () -> provider.validateApiKey("sk_k_0005"));
        assertThat(Duration.ofNanos(System.nanoTime() - started))
                .as("bounded by the time limit, one retry")
                .isLessThan(Duration.ofMillis(3900));
    }

    /** The fake's answers must fit WorkOS's published contract, or tests prove nothing about the real thing. */
    @Test
    void theFakesAnswersMatchTheWorkosOpenApiSpec() throws Exception {
        JsonNode spec = new ObjectMapper(new YAMLFactory()).readTree(spec());
        assertThat(spec.at("/paths/~1api_keys~1validations/post").isMissingNode())
                .isFalse();
        assertThat(spec.at("/paths/~1sso~1jwks~1{clientId}/get").isMissingNode())
                .isFalse();
        JsonNode apiKeySchema = spec.at("/components/schemas/ApiKey");
        assertThat(spec.at("/components/schemas/ValidateApiKeyDto/properties/value")
                        .isMissingNode())
                .isFalse();

        workos.knowsApiKey("sk_agent_value_1234", "api_key_01AGENT", "org_01STUDIO");
        HttpResponse<String> known = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(workos.baseUrl() + FakeWorkos.VALIDATIONS))
                                .header("Authorization", "Bearer " + FakeWorkos.SECRET)
                                .POST(HttpRequest.BodyPublishers.ofString("{\"value\":\"sk_agent_value_1234\"}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        JsonNode apiKey = new ObjectMapper().readTree(known.body()).get("api_key");

        List<String> required = new ArrayList<>();
        apiKeySchema.get("required").forEach(node -> required.add(node.asText()));
        assertThat(required)
                .allSatisfy(field -> assertThat(apiKey.has(field)).as(field).isTrue());
        apiKey.fieldNames()
                .forEachRemaining(
                        field -> assertThat(apiKeySchema.get("properties").has(field))
                                .as("declared: " + field)
                                .isTrue());
        assertThat(known.headers().firstValue("X-Request-ID")).isPresent();
    }

    /** A trimmed excerpt of WorkOS's published spec (MIT), kept in the test resources with its licence. */
    private static String spec() throws Exception {
        try (var in = WorkosIdentityProviderTest.class.getResourceAsStream("/workos-openapi/open-api-spec.yaml")) {
            return new String(
                    java.util.Objects.requireNonNull(in, "workos-openapi excerpt")
                            .readAllBytes(),
                    java.nio.charset.StandardCharsets.UTF_8);
        }
    }
}
