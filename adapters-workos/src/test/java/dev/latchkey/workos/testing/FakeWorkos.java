package dev.latchkey.workos.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import dev.latchkey.outbound.testing.TestIssuer;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;

/**
 * A fake WorkOS speaking its real paths and JSON (checked against the excerpt of WorkOS's OpenAPI
 * spec in the test resources): {@code GET /sso/jwks/{client_id}} without auth,
 * {@code POST /api_keys/validations} with
 * {@code Authorization: Bearer sk_…}, answering {@code {"api_key": null}} for unknown keys, 401 for a
 * wrong secret, {@code X-Request-ID} on every answer, and switchable faults; and an AuthKit domain
 * (its own origin, as {@code https://<sub>.authkit.app} is) serving {@code /oauth2/jwks} and its
 * RFC 8414 metadata, minting MCP clients' access tokens as that domain does.
 */
public final class FakeWorkos implements AutoCloseable {
    public static final String CLIENT_ID = "client_01TESTLATCHKEY";
    public static final String SECRET = "sk_test_fake_workos_secret";
    public static final String VALIDATIONS = "/api_keys/validations";

    private final WireMockServer server = new WireMockServer(options().dynamicPort());
    private final RsaJsonWebKey signingKey = TestIssuer.newKey("workos-key-1");
    /** The AuthKit domain ({@code https://<sub>.authkit.app}): an MCP server's authorization server. */
    private final WireMockServer authkit = new WireMockServer(options().dynamicPort());

    private final RsaJsonWebKey authkitKey = TestIssuer.newKey("authkit-key-1");

    public FakeWorkos() {
        server.start();
        authkit.start();
        reset();
    }

    /** The AuthKit domain's origin, as its tokens' {@code iss} names it. */
    public String authkitDomain() {
        return "http://localhost:" + authkit.port();
    }

    /**
     * An access token AuthKit issues to an MCP client for {@code resource}, as its domain mints them:
     * {@code iss} the domain, {@code aud} the resource, {@code sub}, {@code client_id}, {@code org_id},
     * {@code scope}, {@code jti}, {@code exp}, {@code iat}; signed by the domain's key.
     */
    public String mcpAccessToken(String resource, String userId, String organizationId, String clientId) {
        return TestIssuer.idToken(
                authkitKey,
                authkitDomain(),
                resource,
                userId,
                Instant.now().plusSeconds(300),
                Map.of(
                        "client_id",
                        clientId,
                        "org_id",
                        organizationId,
                        "scope",
                        "openid profile",
                        "jti",
                        UUID.randomUUID().toString()));
    }

    /** The same, but signed with the WorkOS session key the domain does not publish: a forgery. */
    public String mcpAccessTokenSignedByTheWrongKey(String resource, String userId, String organizationId) {
        return TestIssuer.idToken(
                signingKey,
                authkitDomain(),
                resource,
                userId,
                Instant.now().plusSeconds(300),
                Map.of("org_id", organizationId, "jti", UUID.randomUUID().toString()));
    }

    /** Healthy WorkOS: keys published, every key unknown until {@link #knowsApiKey}. */
    public void reset() {
        authkit.resetAll();
        authkit.stubFor(get(urlEqualTo("/oauth2/jwks"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody(new JsonWebKeySet(List.<JsonWebKey>of(authkitKey))
                                .toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY))));
        authkit.stubFor(get(urlEqualTo("/.well-known/oauth-authorization-server"))
                .willReturn(json(
                        200,
                        "{\"issuer\":\"" + authkitDomain() + "\",\"authorization_endpoint\":\"" + authkitDomain()
                                + "/oauth2/authorize\",\"token_endpoint\":\"" + authkitDomain()
                                + "/oauth2/token\",\"registration_endpoint\":\"" + authkitDomain()
                                + "/oauth2/register\",\"jwks_uri\":\"" + authkitDomain() + "/oauth2/jwks\"}")));
        server.resetAll();
        server.stubFor(get(urlEqualTo("/sso/jwks/" + CLIENT_ID))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withHeader("X-Request-ID", requestId())
                        .withBody(new JsonWebKeySet(List.<JsonWebKey>of(signingKey))
                                .toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY))));
        server.stubFor(post(urlEqualTo(VALIDATIONS))
                .atPriority(10)
                .willReturn(aResponse()
                        .withStatus(401)
                        .withHeader("Content-Type", "application/json")
                        .withHeader("X-Request-ID", requestId())
                        .withBody("{\"message\":\"Unauthorized\"}")));
        server.stubFor(post(urlEqualTo(VALIDATIONS))
                .atPriority(5)
                .withHeader("Authorization", equalTo("Bearer " + SECRET))
                .willReturn(json(200, "{\"api_key\":null}")));
    }

    public String baseUrl() {
        return "http://localhost:" + server.port();
    }

    public String issuer() {
        return baseUrl() + "/user_management/" + CLIENT_ID;
    }

    /** Makes WorkOS recognise {@code value} as the key {@code apiKeyId} owned by an organization. */
    public void knowsApiKey(String value, String apiKeyId, String organizationId) {
        String body = "{\"api_key\":{\"object\":\"api_key\",\"id\":\"" + apiKeyId + "\",\"owner\":{\"type\":"
                + "\"organization\",\"id\":\"" + organizationId + "\"},\"name\":\"agent key\",\"obfuscated_value\":"
                + "\"sk_…" + value.substring(value.length() - 4) + "\",\"permissions\":[],\"last_used_at\":null,"
                + "\"created_at\":\"2026-01-01T00:00:00.000Z\",\"updated_at\":\"2026-01-01T00:00:00.000Z\"}}";
        server.stubFor(post(urlEqualTo(VALIDATIONS))
                .atPriority(1)
                .withHeader("Authorization", equalTo("Bearer " + SECRET))
                .withRequestBody(matchingJsonPath("$.value", equalTo(value)))
                .willReturn(json(200, body)));
    }

    /** Every validation fails with this status (429 carries Retry-After). */
    public void failValidationsWith(int status) {
        var response = json(
                status,
                switch (status) {
                    case 429 -> "{\"message\":\"Too many requests.\",\"code\":\"rate_limit_exceeded\"}";
                    case 422 ->
                        "{\"message\":\"Validation failed\",\"code\":\"invalid_request_parameters\","
                                + "\"errors\":[{\"code\":\"invalid\",\"field\":\"value\"}]}";
                    case 404 -> "{\"message\":\"Not Found\"}";
                    default -> "{\"message\":\"Internal error\"}";
                });
        if (status == 429) {
            response = response.withHeader("Retry-After", "30");
        }
        server.stubFor(post(urlEqualTo(VALIDATIONS)).atPriority(0).willReturn(response));
    }

    /** Every validation answers correctly, but only after {@code millis}. */
    public void slowValidations(int millis) {
        server.stubFor(post(urlEqualTo(VALIDATIONS))
                .atPriority(0)
                .willReturn(json(200, "{\"api_key\":null}").withFixedDelay(millis)));
    }

    public void dropValidationConnections() {
        server.stubFor(post(urlEqualTo(VALIDATIONS))
                .atPriority(0)
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    }

    /** Answers every validation 401, as WorkOS does when our secret key is revoked. */
    public void rejectOurSecret() {
        server.stubFor(
                post(urlEqualTo(VALIDATIONS)).atPriority(0).willReturn(json(401, "{\"message\":\"Unauthorized\"}")));
    }

    public int validations() {
        return server.countRequestsMatching(
                        postRequestedFor(urlEqualTo(VALIDATIONS)).build())
                .getCount();
    }

    /**
     * An AuthKit access token as WorkOS mints it: {@code iss}, {@code sub}, {@code aud} (the client
     * id), {@code sid}, {@code jti}, {@code exp}, {@code org_id}, {@code role}.
     */
    public String accessToken(String userId, String organizationId) {
        return accessToken(
                signingKey, issuer(), userId, organizationId, Instant.now().plusSeconds(300));
    }

    /** An access token of a session {@code impersonator} opened in the user's name ({@code act}). */
    public String impersonatedAccessToken(String userId, String organizationId, String impersonator) {
        return TestIssuer.idToken(
                signingKey,
                issuer(),
                CLIENT_ID,
                userId,
                Instant.now().plusSeconds(300),
                Map.of(
                        "sid",
                        "session_" + UUID.randomUUID(),
                        "jti",
                        UUID.randomUUID().toString(),
                        "org_id",
                        organizationId,
                        "act",
                        Map.of("sub", impersonator)));
    }

    /** An access token signed by this WorkOS with another {@code aud}: for audience checks. */
    public String accessTokenFor(String audience, String userId, String organizationId) {
        return TestIssuer.idToken(
                signingKey,
                issuer(),
                audience,
                userId,
                Instant.now().plusSeconds(300),
                Map.of(
                        "sid",
                        "session_" + UUID.randomUUID(),
                        "jti",
                        UUID.randomUUID().toString(),
                        "org_id",
                        organizationId));
    }

    public static String accessToken(
            RsaJsonWebKey key, String issuer, String userId, String organizationId, Instant expiresAt) {
        return TestIssuer.idToken(
                key,
                issuer,
                CLIENT_ID,
                userId,
                expiresAt,
                Map.of(
                        "sid",
                        "session_" + UUID.randomUUID(),
                        "jti",
                        UUID.randomUUID().toString(),
                        "org_id",
                        organizationId,
                        "role",
                        "member"));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(int status, String body) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withHeader("X-Request-ID", requestId())
                .withBody(body);
    }

    private static String requestId() {
        return "req_" + UUID.randomUUID().toString().replace("-", "");
    }

    @Override
    public void close() {
        authkit.stop();
        server.stop();
    }
}
