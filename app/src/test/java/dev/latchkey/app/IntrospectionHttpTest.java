package dev.latchkey.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.app.OAuthTestClient.Page;
import dev.latchkey.app.OAuthTestClient.Person;
import dev.latchkey.app.OAuthTestClient.Pkce;
import dev.latchkey.app.config.LatchkeyConfiguration;
import dev.latchkey.domain.oauth.TokenHashes;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Resource servers checking tokens the standard ways, on the shipped example's configuration
 * (examples/mcp-server/latchkey.yml): RFC 7662 introspection by the registered MCP server, and RFC
 * 9068 JWT access tokens for the resource that asked for them, verified here with jose4j against the
 * published key set as any resource server would.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class IntrospectionHttpTest {
    private static final int PORT = TestApps.freePort();
    private static final String BASE = "http://127.0.0.1:" + PORT;
    /** The example's two MCP endpoints (its defaults): introspected, and JWT. */
    private static final String INTROSPECTED = "http://127.0.0.1:3001/mcp";

    private static final String JWT_RESOURCE = "http://127.0.0.1:3002/mcp";
    private static final String CALLBACK = "http://127.0.0.1:43117/callback";
    private static final String SECRET = "rs-" + UUID.randomUUID() + UUID.randomUUID();

    static final DropwizardAppExtension<LatchkeyConfiguration> APP = TestApps.configAt(
            "../examples/mcp-server/latchkey.yml",
            PORT,
            ConfigOverride.config("oauth.issuer", BASE),
            ConfigOverride.config("oauth.resourceServers[0].secretSha256", TokenHashes.of(SECRET)));

    private final OAuthTestClient client = new OAuthTestClient(BASE);

    private Page introspect(String token, String... auth) {
        return client.postForm("/oauth/introspect", Map.of("token", token), auth);
    }

    private Page introspect(String token) {
        return introspect(token, "Authorization", OAuthTestClient.basic("example-mcp-server", SECRET));
    }

    private String publicClient() {
        return (String) client.register("none", CALLBACK).get("client_id");
    }

    private Map<String, Object> tokensFor(String clientId, String resource, Person person) {
        Pkce pkce = Pkce.fresh();
        Map<String, String> parameters = OAuthTestClient.authorization(clientId, CALLBACK, pkce);
        if (resource != null) {
            parameters.put("resource", resource);
        }
        return client.tokensFor(parameters, pkce, person.email());
    }

    private JwtClaims verifiedWithPublishedKeys(String jwt) throws Exception {
        Page jwks = client.get("/.well-known/jwks.json");
        return new JwtConsumerBuilder()
                .setJwsAlgorithmConstraints(
                        AlgorithmConstraints.ConstraintType.PERMIT, AlgorithmIdentifiers.RSA_USING_SHA256)
                .setVerificationKeyResolver(
                        new JwksVerificationKeyResolver(new JsonWebKeySet(jwks.body()).getJsonWebKeys()))
                .setExpectedType(true, "at+jwt")
                .setExpectedIssuer(BASE)
                .setExpectedAudience(JWT_RESOURCE)
                .setRequireExpirationTime()
                .build()
                .processToClaims(jwt);
    }

    @Test
    void theServerMetadataNamesTheIntrospectionEndpointAndTheKeys() {
        Map<String, Object> metadata =
                client.get("/.well-known/oauth-authorization-server").json();

        assertThat(metadata)
                .containsEntry("introspection_endpoint", BASE + "/oauth/introspect")
                .containsEntry("jwks_uri", BASE + "/.well-known/jwks.json")
                .containsEntry(
                        "introspection_endpoint_auth_methods_supported",
                        List.of("client_secret_basic", "client_secret_post"));
        assertThat(client.get("/.well-known/jwks.json").status()).isEqualTo(200);
    }

    @Test
    void theMcpServerLearnsWhatATokenCarriesAndSeesARevocationAtOnce() {
        Person person = client.person();
        String clientId = publicClient();
        String access = (String) tokensFor(clientId, INTROSPECTED, person).get("access_token");

        Page answer = introspect(access);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.header("cache-control")).isEqualTo("no-store");
        Map<String, Object> body = answer.json();
        assertThat(body)
                .containsEntry("active", true)
                .containsEntry("client_id", clientId)
                .containsEntry("aud", INTROSPECTED)
                .containsEntry("scope", "records:read")
                .containsEntry("token_type", "Bearer")
                .containsEntry("credential_kind", "oauth")
                .containsEntry("actor_kind", "human")
                .containsKeys("sub", "exp", "iat", "tenant_id");
        assertThat(((Number) body.get("exp")).longValue() - ((Number) body.get("iat")).longValue())
                .isEqualTo(3600);
        assertThat(body.values()).doesNotContainNull();

        assertThat(client.postForm("/oauth/revoke", Map.of("token", access, "client_id", clientId))
                        .status())
                .isEqualTo(200);
        assertThat(introspect(access).json()).isEqualTo(Map.of("active", false));
    }

    @Test
    void aTokenForAnotherResourceIsInactiveToThisServerAndUnboundCredentialsAreDescribed() {
        Person person = client.person();
        String clientId = publicClient();
        String forLatchkeyItself = (String) tokensFor(clientId, null, person).get("access_token");
        String forTheJwtServer =
                (String) tokensFor(clientId, JWT_RESOURCE, person).get("access_token");

        assertThat(introspect(forLatchkeyItself).json()).isEqualTo(Map.of("active", false));
        assertThat(introspect(forTheJwtServer).json()).isEqualTo(Map.of("active", false));

        Page created = client.postJson("/api-keys", Map.of("name", "ingest"), person.token());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        Map<String, Object> key = introspect((String) created.json().get("key")).json();
        assertThat(key)
                .containsEntry("active", true)
                .containsEntry("credential_kind", "api_key")
                .doesNotContainKeys("aud", "client_id");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aDelegatedWorkloadTokenNamesThePersonAsSubjectAndTheWorkloadAsActor() {
        Person person = client.person();
        String personId = (String) client.get("/whoami", "Authorization", "Bearer " + person.token())
                .json()
                .get("actor_id");
        Map<String, Object> workload = client.postJson(
                        "/internal/auth/workloads", Map.of("name", "introspected agent"), person.token())
                .json();
        String policy = (String) client.postJson(
                        "/internal/auth/workload-policies",
                        Map.of("workload_id", workload.get("id"), "scopes", List.of("records:read")),
                        person.token())
                .json()
                .get("id");
        client.postJson("/internal/auth/workload-policies/" + policy + "/approve", Map.of(), person.token());
        Map<String, Object> grant = (Map<String, Object>) client.postJson(
                        "/internal/auth/delegation-grants",
                        Map.of("workload_id", workload.get("id"), "scopes", List.of("records:read")),
                        person.token())
                .json()
                .get("grant");
        String token = (String) client.postJson(
                        "/internal/auth/workload-token",
                        Map.of(
                                "workload_id", workload.get("id"),
                                "workload_secret", workload.get("secret"),
                                "grant_id", grant.get("id")),
                        null)
                .json()
                .get("access_token");

        assertThat(introspect(token).json())
                .containsEntry("active", true)
                .containsEntry("credential_kind", "workload_token")
                .containsEntry("sub", personId)
                .containsEntry("act", Map.of("sub", workload.get("id")))
                .containsEntry("grant_id", grant.get("id"));
    }

    @Test
    void nobodyButTheRegisteredResourceServerMayIntrospect() {
        Person person = client.person();
        String access = (String) tokensFor(publicClient(), INTROSPECTED, person).get("access_token");
        Map<String, Object> confidential = client.register("client_secret_basic", CALLBACK);
        String strangerBasic = OAuthTestClient.basic(
                (String) confidential.get("client_id"), (String) confidential.get("client_secret"));

        for (String[] auth : List.of(
                new String[0],
                new String[] {"Authorization", strangerBasic},
                new String[] {"Authorization", OAuthTestClient.basic("example-mcp-server", SECRET + "x")},
                new String[] {"Authorization", "Bearer " + access})) {
            Page refused = introspect(access, auth);
            assertThat(refused.status()).as(refused.body()).isEqualTo(401);
            assertThat(refused.json()).containsEntry("error", "invalid_client");
            assertThat(refused.body()).doesNotContain("active");
        }
        assertThat(introspect(access, "Authorization", strangerBasic).header("www-authenticate"))
                .startsWith("Basic");
        Page byForm = client.postForm(
                "/oauth/introspect",
                Map.of("token", access, "client_id", "example-mcp-server", "client_secret", SECRET));
        assertThat(byForm.json()).containsEntry("active", true);
    }

    @Test
    void malformedHugeAndMissingTokensAreAnsweredNeverA500() {
        for (String token :
                List.of("x".repeat(20_000), "eyJhbGciOiJub25lIn0.e30.", "lk_oat_" + "A".repeat(43), "lk_ort_x")) {
            Page answer = introspect(token);
            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
            assertThat(answer.json()).isEqualTo(Map.of("active", false));
        }
        Page missing = client.postForm(
                "/oauth/introspect", Map.of(), "Authorization", OAuthTestClient.basic("example-mcp-server", SECRET));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json()).containsEntry("error", "invalid_request");
    }

    /**
     * Introspection is a plain servlet (outside JAX-RS, for speed): it reads the form body and nothing
     * else — never a token from the query string — and answers other shapes as the JAX-RS endpoints do.
     */
    @Test
    void onlyTheFormBodyIsReadAndEveryOtherShapeIsRefusedInItsOwnWayNeverA500() throws Exception {
        String access = (String)
                tokensFor(publicClient(), INTROSPECTED, client.person()).get("access_token");
        String basic = OAuthTestClient.basic("example-mcp-server", SECRET);
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        java.util.function.BiFunction<String, java.net.http.HttpRequest.Builder, java.net.http.HttpResponse<String>>
                send = (type, builder) -> {
                    try {
                        return http.send(
                                builder.header("Authorization", basic)
                                        .header("Content-Type", type)
                                        .build(),
                                java.net.http.HttpResponse.BodyHandlers.ofString());
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                };
        java.util.function.Function<String, java.net.http.HttpRequest.Builder> post =
                body -> java.net.http.HttpRequest.newBuilder(java.net.URI.create(BASE + "/oauth/introspect"))
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body));
        String form = "application/x-www-form-urlencoded";

        var answered = send.apply(form + "; charset=UTF-8", post.apply("token=" + access));
        assertThat(answered.statusCode()).isEqualTo(200);
        assertThat(answered.body()).contains("\"active\":true");
        assertThat(answered.headers().firstValue("cache-control")).hasValue("no-store");
        assertThat(answered.headers().firstValue("content-type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));

        var inQuery = send.apply(
                form,
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(BASE + "/oauth/introspect?token=" + access))
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("")));
        assertThat(inQuery.statusCode()).as(inQuery.body()).isEqualTo(400);
        assertThat(inQuery.body()).contains("invalid_request").doesNotContain("active");

        for (String body : List.of("token=" + "x".repeat(70_000), "token=%zz" + access)) {
            var refused = send.apply(form, post.apply(body));
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
            assertThat(refused.body()).contains("\"error\":\"invalid_request\"");
        }
        var json = send.apply("application/json", post.apply("{\"token\":\"" + access + "\"}"));
        assertThat(json.statusCode()).isEqualTo(415);
        assertThat(json.body()).contains("unsupported_media_type");
        var get =
                send.apply(form, java.net.http.HttpRequest.newBuilder(java.net.URI.create(BASE + "/oauth/introspect")));
        assertThat(get.statusCode()).isEqualTo(405);
        assertThat(get.headers().firstValue("allow")).hasValue("POST");
    }

    @Test
    void theJwtResourceGetsShortLivedRfc9068TokensThatLatchkeyStillRevokesAtOnce() throws Exception {
        Person person = client.person();
        String clientId = publicClient();
        Map<String, Object> tokens = tokensFor(clientId, JWT_RESOURCE, person);
        String jwt = (String) tokens.get("access_token");
        assertThat(tokens).containsEntry("expires_in", 300);

        JwtClaims claims = verifiedWithPublishedKeys(jwt);
        assertThat(claims.getClaimValue("client_id")).isEqualTo(clientId);
        assertThat(claims.getClaimValue("scope")).isEqualTo("records:read");
        assertThat(claims.getExpirationTime().getValue() - claims.getIssuedAt().getValue())
                .isEqualTo(300);
        assertThat(claims.getSubject()).isNotBlank();
        assertThat(claims.getJwtId()).startsWith("oat_");

        Page atTheResource = client.get(
                "/authz/check",
                "X-Original-Method",
                "GET",
                "X-Original-Host",
                "127.0.0.1:3002",
                "X-Original-URI",
                "/mcp",
                "Authorization",
                "Bearer " + jwt);
        assertThat(atTheResource.status()).as(atTheResource.body()).isEqualTo(200);
        assertThat(atTheResource.header("x-latchkey-credential-kind")).isEqualTo("oauth");

        Page refreshed = client.postForm(
                "/oauth/token",
                Map.of(
                        "grant_type",
                        "refresh_token",
                        "refresh_token",
                        (String) tokens.get("refresh_token"),
                        "client_id",
                        clientId));
        String next = (String) refreshed.json().get("access_token");
        assertThat(verifiedWithPublishedKeys(next).getJwtId()).isNotEqualTo(claims.getJwtId());

        assertThat(client.postForm("/oauth/revoke", Map.of("token", next, "client_id", clientId))
                        .status())
                .isEqualTo(200);
        Page revoked = client.get(
                "/authz/check",
                "X-Original-Method",
                "GET",
                "X-Original-Host",
                "127.0.0.1:3002",
                "X-Original-URI",
                "/mcp",
                "Authorization",
                "Bearer " + next);
        assertThat(revoked.status()).as("Latchkey sees the revocation at once").isEqualTo(401);
        assertThat(verifiedWithPublishedKeys(next).getJwtId())
                .as("a server checking the signature alone does not, until exp: the documented trade-off")
                .isNotBlank();
    }

    @Test
    void aJwtOfOursWithoutTheRightSignatureOrRecordIsRefusedNotTakenOnItsWord() throws InvalidJwtException {
        Person person = client.person();
        String jwt = (String) tokensFor(publicClient(), JWT_RESOURCE, person).get("access_token");
        String[] parts = jwt.split("\\.");
        String forged = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();

        Page refused = client.get("/whoami", "Authorization", "Bearer " + forged);
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.json()).containsEntry("code", "invalid_oauth_token");
    }
}
