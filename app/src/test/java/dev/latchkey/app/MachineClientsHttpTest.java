package dev.latchkey.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.latchkey.app.OAuthTestClient.Page;
import dev.latchkey.app.OAuthTestClient.Person;
import dev.latchkey.app.config.LatchkeyConfiguration;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Machine clients over HTTP: a workspace admin creates one within their own scopes, it obtains its
 * own tokens with client_credentials (by secret or by private_key_jwt), acts as a service of the
 * workspace and nothing more, and stops the moment it is deleted.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class MachineClientsHttpTest {
    private static final int PORT = TestApps.freePort();
    private static final String BASE = "http://127.0.0.1:" + PORT;
    private static final ObjectMapper JSON = new ObjectMapper();

    static final DropwizardAppExtension<LatchkeyConfiguration> APP = TestApps.onH2(
            ConfigOverride.config("server.applicationConnectors[0].port", Integer.toString(PORT)),
            ConfigOverride.config("oauth.issuer", BASE),
            ConfigOverride.config("oauth.resources", BASE + "/mcp"));

    private final OAuthTestClient client = new OAuthTestClient(BASE);

    private Page create(String bearer, Map<String, Object> body) {
        return client.postJson("/oauth/clients", body, bearer);
    }

    private Page clientCredentials(String clientId, String secret, Map<String, String> extra) {
        Map<String, String> form = new java.util.LinkedHashMap<>(Map.of("grant_type", "client_credentials"));
        form.putAll(extra);
        return client.postForm("/oauth/token", form, "Authorization", OAuthTestClient.basic(clientId, secret));
    }

    private Page whoami(String token) {
        return client.get("/whoami", "Authorization", "Bearer " + token);
    }

    private static String assertion(PublicJsonWebKey key, String clientId, String audience) throws Exception {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(clientId);
        claims.setSubject(clientId);
        claims.setAudience(audience);
        claims.setJwtId(UUID.randomUUID().toString());
        claims.setIssuedAtToNow();
        claims.setExpirationTime(NumericDate.fromSeconds(NumericDate.now().getValue() + 60));
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(key.getPrivateKey());
        jws.setKeyIdHeaderValue(key.getKeyId());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        return jws.getCompactSerialization();
    }

    @Test
    void anAdminsMachineClientGetsItsOwnTokensWithinItsScopesAndNoRefreshToken() {
        Person owner = client.person();
        Page created = create(owner.token(), Map.of("name", "nightly export", "scopes", List.of("records:read")));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        Map<String, Object> machine = created.json();
        String clientId = (String) machine.get("client_id");
        String secret = (String) machine.get("client_secret");
        assertThat(machine)
                .containsEntry("token_endpoint_auth_method", "client_secret_basic")
                .containsEntry("grant_types", List.of("client_credentials"))
                .containsEntry("scopes", List.of("records:read"));
        assertThat(secret).hasSizeGreaterThanOrEqualTo(43);

        Page listed = client.get("/oauth/clients", "Authorization", "Bearer " + owner.token());
        assertThat(listed.body()).contains(clientId).doesNotContain(secret).doesNotContain("\"client_secret\"");

        Page token = clientCredentials(clientId, secret, Map.of());
        assertThat(token.status()).as(token.body()).isEqualTo(200);
        assertThat(token.json())
                .containsEntry("token_type", "Bearer")
                .containsEntry("scope", "records:read")
                .doesNotContainKey("refresh_token");
        String access = (String) token.json().get("access_token");
        Map<String, Object> me = whoami(access).json();
        assertThat(me)
                .containsEntry("actor_id", clientId)
                .containsEntry("actor_kind", "service")
                .containsEntry("credential_kind", "oauth")
                .containsEntry("scopes", List.of("records:read"));

        Page wider = clientCredentials(clientId, secret, Map.of("scope", "records:read records:write"));
        assertThat(wider.status()).isEqualTo(400);
        assertThat(wider.json()).containsEntry("error", "invalid_scope");
        assertThat(clientCredentials(clientId, secret + "x", Map.of()).status()).isEqualTo(401);
    }

    @Test
    void nobodyGetsAClientWiderThanThemselvesAndItsTokensMintNothing() {
        Person owner = client.person();
        Page key = client.postJson(
                "/api-keys",
                Map.of("name", "provisioner", "scopes", List.of("oauth_clients:write", "records:read")),
                owner.token());
        String apiKey = (String) key.json().get("key");
        Page beyond = create(apiKey, Map.of("name", "too wide", "scopes", List.of("records:write")));
        assertThat(beyond.status()).as(beyond.body()).isEqualTo(403);
        assertThat(beyond.json()).containsEntry("code", "insufficient_scope");

        Map<String, Object> machine = create(
                        owner.token(),
                        Map.of("name", "provisioner", "scopes", List.of("oauth_clients:write", "api_keys:write")))
                .json();
        String access = (String)
                clientCredentials((String) machine.get("client_id"), (String) machine.get("client_secret"), Map.of())
                        .json()
                        .get("access_token");
        Page minted = create(access, Map.of("name", "child", "scopes", List.of("api_keys:write")));
        assertThat(minted.status())
                .as("a delegated credential never mints clients")
                .isEqualTo(403);
        assertThat(client.postJson("/api-keys", Map.of("name", "k"), access).status())
                .as("nor API keys")
                .isEqualTo(403);
    }

    @Test
    void aClientFromOpenRegistrationCannotUseClientCredentials() {
        Map<String, Object> stranger = client.register("client_secret_basic", "http://127.0.0.1:43117/callback");
        Page refused =
                clientCredentials((String) stranger.get("client_id"), (String) stranger.get("client_secret"), Map.of());
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json()).containsEntry("error", "unauthorized_client");

        Page registered = client.postJson(
                "/oauth/register",
                Map.of(
                        "redirect_uris",
                        List.of("http://127.0.0.1:43117/callback"),
                        "token_endpoint_auth_method",
                        "private_key_jwt"),
                null);
        assertThat(registered.status())
                .as("private_key_jwt is for clients an admin creates")
                .isEqualTo(400);
    }

    @Test
    void aPrivateKeyJwtClientSignsEachRequestOnceAndForTheTokenEndpoint() throws Exception {
        Person owner = client.person();
        PublicJsonWebKey key = RsaJwkGenerator.generateJwk(2048);
        key.setKeyId("deploy-1");
        Map<String, Object> jwks =
                JSON.readValue(new JsonWebKeySet(key).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY), Map.class);
        Page created = create(
                owner.token(),
                Map.of(
                        "name",
                        "deployer",
                        "scopes",
                        List.of("records:read"),
                        "token_endpoint_auth_method",
                        "private_key_jwt",
                        "jwks",
                        jwks));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json()).doesNotContainKey("client_secret");
        String clientId = (String) created.json().get("client_id");

        String signed = assertion(key, clientId, BASE + "/oauth/token");
        Map<String, String> form = Map.of(
                "grant_type",
                "client_credentials",
                "client_assertion_type",
                "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
                "client_assertion",
                signed);
        Page token = client.postForm("/oauth/token", form);
        assertThat(token.status()).as(token.body()).isEqualTo(200);
        assertThat(whoami((String) token.json().get("access_token")).status()).isEqualTo(200);

        Page replayed = client.postForm("/oauth/token", form);
        assertThat(replayed.status()).isEqualTo(401);
        assertThat(replayed.json()).containsEntry("error", "invalid_client");
        assertThat(replayed.json().get("error_description").toString()).contains("already used");

        Page elsewhere = client.postForm(
                "/oauth/token",
                Map.of(
                        "grant_type",
                        "client_credentials",
                        "client_assertion_type",
                        "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
                        "client_assertion",
                        assertion(key, clientId, "https://another-server.example/token")));
        assertThat(elsewhere.status()).isEqualTo(401);

        Page withBadKeys = create(
                owner.token(),
                Map.of(
                        "name",
                        "bad keys",
                        "token_endpoint_auth_method",
                        "private_key_jwt",
                        "jwks",
                        JSON.readValue(
                                new JsonWebKeySet(key).toJson(JsonWebKey.OutputControlLevel.INCLUDE_PRIVATE),
                                Map.class)));
        assertThat(withBadKeys.status())
                .as("a private key is refused, never stored")
                .isEqualTo(400);
    }

    @Test
    void aMachineTokenIsSealedAndOnlyItsOwnClientRevokesItAtOnce() {
        Person owner = client.person();
        Map<String, Object> sync = create(owner.token(), Map.of("name", "sync", "scopes", List.of("records:read")))
                .json();
        Map<String, Object> other = create(owner.token(), Map.of("name", "other", "scopes", List.of("records:read")))
                .json();
        String syncId = (String) sync.get("client_id");
        String syncSecret = (String) sync.get("client_secret");
        String access =
                (String) clientCredentials(syncId, syncSecret, Map.of()).json().get("access_token");
        assertThat(access).startsWith("lk_oat_m1.");
        assertThat(whoami(access).status()).isEqualTo(200);

        // Another workspace's id in the payload, under the genuine MAC: refused, like any changed byte.
        String payload = access.substring("lk_oat_m1.".length(), access.lastIndexOf('.'));
        String decoded = new String(
                java.util.Base64.getUrlDecoder().decode(payload), java.nio.charset.StandardCharsets.ISO_8859_1);
        String[] parts = decoded.split("ws_", 2);
        String elsewhere = parts[0] + "ws_" + (parts[1].charAt(0) == 'A' ? 'B' : 'A') + parts[1].substring(1);
        String forged = "lk_oat_m1."
                + java.util.Base64.getUrlEncoder()
                        .withoutPadding()
                        .encodeToString(elsewhere.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1))
                + access.substring(access.lastIndexOf('.'));
        Page refused = whoami(forged);
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.json()).containsEntry("code", "invalid_oauth_token");

        Page byOther = client.postForm(
                "/oauth/revoke",
                Map.of("token", access),
                "Authorization",
                OAuthTestClient.basic((String) other.get("client_id"), (String) other.get("client_secret")));
        assertThat(byOther.status()).as("RFC 7009 §2.2: answered as a success").isEqualTo(200);
        assertThat(whoami(access).status()).as("another client revokes nothing").isEqualTo(200);

        Page revoked = client.postForm(
                "/oauth/revoke", Map.of("token", access), "Authorization", OAuthTestClient.basic(syncId, syncSecret));
        assertThat(revoked.status()).isEqualTo(200);
        Page after = whoami(access);
        assertThat(after.status()).isEqualTo(401);
        assertThat(after.json()).containsEntry("code", "invalid_oauth_token");
        assertThat(client.postForm(
                                "/oauth/revoke",
                                Map.of("token", access),
                                "Authorization",
                                OAuthTestClient.basic(syncId, syncSecret))
                        .status())
                .as("again: harmless")
                .isEqualTo(200);
        String next =
                (String) clientCredentials(syncId, syncSecret, Map.of()).json().get("access_token");
        assertThat(whoami(next).status()).as("the client's next token works").isEqualTo(200);
    }

    @Test
    void deletingAClientEndsItsTokensAtOnceAndOnlyItsOwnWorkspaceMayDeleteIt() {
        Person owner = client.person();
        Person other = client.person();
        Map<String, Object> machine = create(owner.token(), Map.of("name", "sync", "scopes", List.of("records:read")))
                .json();
        String clientId = (String) machine.get("client_id");
        String access = (String) clientCredentials(clientId, (String) machine.get("client_secret"), Map.of())
                .json()
                .get("access_token");
        assertThat(whoami(access).status()).isEqualTo(200);

        Page notTheirs = client.send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(BASE + "/oauth/clients/" + clientId))
                        .header("Authorization", "Bearer " + other.token())
                        .DELETE());
        assertThat(notTheirs.status()).isEqualTo(404);
        assertThat(whoami(access).status()).isEqualTo(200);

        Page deleted = client.send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(BASE + "/oauth/clients/" + clientId))
                        .header("Authorization", "Bearer " + owner.token())
                        .DELETE());
        assertThat(deleted.status()).isEqualTo(204);
        Page after = whoami(access);
        assertThat(after.status()).isEqualTo(401);
        assertThat(after.json()).containsEntry("code", "invalid_oauth_token");
        assertThat(client.get("/oauth/clients", "Authorization", "Bearer " + owner.token())
                        .body())
                .doesNotContain(clientId);
    }
}
