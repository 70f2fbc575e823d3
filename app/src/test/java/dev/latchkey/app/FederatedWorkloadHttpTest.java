package dev.latchkey.app;

import static dev.latchkey.app.Reply.assertProblem;
import static dev.latchkey.app.TestApps.request;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.token.TokenTypeURI;
import com.nimbusds.oauth2.sdk.token.TypelessToken;
import com.nimbusds.oauth2.sdk.tokenexchange.TokenExchangeGrant;
import dev.latchkey.app.config.LatchkeyConfiguration;
import dev.latchkey.outbound.testing.TestIssuer;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.client.Entity;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jose4j.jwk.RsaJsonWebKey;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Workloads without static secrets: a workload registered with its platform identity (here a
 * Kubernetes projected service-account token from a local issuer serving its JWKS) proves itself
 * with that token as the token exchange's actor. Key rotation, a wrong audience, an expired token and
 * another workload's subject are each told apart; nothing is shown a secret.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class FederatedWorkloadHttpTest {
    private static final String ISSUER = "https://kubernetes.default.svc";
    private static final TokenTypeURI GRANT = type("urn:latchkey:params:oauth:token-type:delegation-grant");

    static final TestIssuer KUBERNETES = new TestIssuer();
    static final DropwizardAppExtension<LatchkeyConfiguration> APP =
            TestApps.onH2(ConfigOverride.config("trustedIssuers[3].jwksUrl", KUBERNETES.jwksUrl()));

    private String owner;
    private String serviceAccount;
    private String workload;
    private String grant;

    @AfterAll
    static void stopIssuer() {
        KUBERNETES.close();
    }

    private static Reply call(String method, String path, String token, Map<String, ?> body) {
        return TestApps.call(APP, method, path, token, body);
    }

    private static TokenTypeURI type(String uri) {
        try {
            return TokenTypeURI.parse(uri);
        } catch (com.nimbusds.oauth2.sdk.ParseException e) {
            throw new IllegalStateException(e);
        }
    }

    private Reply register(String subject) {
        return call(
                "POST",
                "/internal/auth/workloads",
                owner,
                Map.of("name", "k8s agent", "federation", Map.of("issuer", "kubernetes", "subject", subject)));
    }

    @BeforeEach
    @SuppressWarnings("unchecked")
    void aFederatedWorkloadWithAGrant() {
        String token = Reply.of(request(APP, "/auth/register")
                        .post(Entity.json(Map.of(
                                "email",
                                "k8s-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com",
                                "password",
                                "correct horse battery staple"))))
                .string("access_token");
        owner = call("POST", "/workspaces/bootstrap", token, Map.of()).string("access_token");
        serviceAccount = "system:serviceaccount:agents:" + UUID.randomUUID();
        Reply registered = register(serviceAccount);
        assertThat(registered.status()).as(registered.body().toString()).isEqualTo(201);
        workload = registered.string("id");
        String policy = call(
                        "POST",
                        "/internal/auth/workload-policies",
                        owner,
                        Map.of("workload_id", workload, "scopes", List.of("records:read")))
                .string("id");
        call("POST", "/internal/auth/workload-policies/" + policy + "/approve", owner, Map.of());
        grant = (String) ((Map<String, Object>) call(
                                "POST",
                                "/internal/auth/delegation-grants",
                                owner,
                                Map.of("workload_id", workload, "scopes", List.of("records:read")))
                        .body()
                        .get("grant"))
                .get("id");
    }

    private static String platformToken(String subject) {
        return KUBERNETES.idToken(ISSUER, "latchkey", subject, Map.of());
    }

    private TokenResponse exchange(String platformToken, String clientId) throws Exception {
        TokenExchangeGrant exchange = new TokenExchangeGrant(
                new TypelessToken(grant), GRANT, new TypelessToken(platformToken), TokenTypeURI.JWT, null, null);
        URI endpoint = URI.create("http://localhost:" + APP.getLocalPort() + "/oauth/token");
        TokenRequest request = clientId == null
                ? new TokenRequest(endpoint, exchange, null)
                : new TokenRequest(endpoint, new ClientID(clientId), exchange, null);
        return TokenResponse.parse(request.toHTTPRequest().send());
    }

    private static ErrorObject refusal(TokenResponse response) {
        assertThat(response.indicatesSuccess()).isFalse();
        return response.toErrorResponse().getErrorObject();
    }

    @Test
    void registrationPinsThePlatformIdentityAndShowsNoSecret() {
        Reply shown = call("GET", "/internal/auth/workloads/" + workload, owner, null);
        assertThat(shown.body())
                .containsEntry("federation", Map.of("issuer", "kubernetes", "subject", serviceAccount))
                .doesNotContainKey("secret");

        assertProblem(register(serviceAccount), 409, "conflict");
        assertProblem(
                call(
                        "POST",
                        "/internal/auth/workloads",
                        owner,
                        Map.of("name", "x", "federation", Map.of("issuer", "nowhere", "subject", "s"))),
                400,
                "invalid_request");
    }

    @Test
    void thePlatformsTokenIsTheActorWithOrWithoutTheWorkloadsId() throws Exception {
        for (String clientId : new String[] {workload, null}) {
            TokenResponse response = exchange(platformToken(serviceAccount), clientId);
            assertThat(response.indicatesSuccess())
                    .as(String.valueOf(response.toHTTPResponse().getBody()))
                    .isTrue();
            String token =
                    response.toSuccessResponse().getTokens().getAccessToken().getValue();
            assertThat(call("GET", "/whoami", token, null).body())
                    .containsEntry("actor_id", workload)
                    .containsEntry("scopes", List.of("records:read"));
        }
    }

    @Test
    void aRotatedIssuerKeyIsFetchedAndAWrongAudienceAnExpiredTokenOrAStrangersKeyAreRefused() throws Exception {
        RsaJsonWebKey rotated = TestIssuer.newKey("k8s-" + UUID.randomUUID());
        KUBERNETES.publish(rotated);
        String withNewKey = TestIssuer.idToken(
                rotated, ISSUER, "latchkey", serviceAccount, Instant.now().plusSeconds(600), Map.of());
        assertThat(exchange(withNewKey, workload).indicatesSuccess()).isTrue();

        ErrorObject audience =
                refusal(exchange(KUBERNETES.idToken(ISSUER, "someone-else", serviceAccount, Map.of()), workload));
        assertThat(audience.getCode()).isEqualTo("invalid_request");

        String expired = TestIssuer.idToken(
                KUBERNETES.currentKey(),
                ISSUER,
                "latchkey",
                serviceAccount,
                Instant.now().minusSeconds(600),
                Map.of());
        assertThat(refusal(exchange(expired, workload)).getCode()).isEqualTo("invalid_request");

        // Signed by a key that is not the issuer's, under the issuer's own kid.
        String forged = TestIssuer.idToken(
                TestIssuer.newKey(rotated.getKeyId()),
                ISSUER,
                "latchkey",
                serviceAccount,
                Instant.now().plusSeconds(600),
                Map.of());
        assertThat(refusal(exchange(forged, workload)).getCode()).isEqualTo("invalid_request");
    }

    @Test
    void anotherWorkloadsIdentityAnUnregisteredOneAndADisabledWorkloadGetNoToken() throws Exception {
        String otherAccount = "system:serviceaccount:agents:" + UUID.randomUUID();
        assertThat(register(otherAccount).status()).isEqualTo(201);

        ErrorObject another = refusal(exchange(platformToken(otherAccount), workload));
        assertThat(another.getDescription()).contains("proves another workload");

        ErrorObject unregistered = refusal(exchange(platformToken("system:serviceaccount:agents:nobody"), workload));
        assertThat(unregistered.getDescription()).contains("No workload is registered");

        call("POST", "/internal/auth/workloads/" + workload + "/disable", owner, Map.of());
        ErrorObject disabled = refusal(exchange(platformToken(serviceAccount), workload));
        assertThat(disabled.getDescription()).contains("disabled");
    }

    @Test
    void aPlatformTokenIsNotABearerCredentialForTheApi() {
        assertThat(call("GET", "/whoami", platformToken(serviceAccount), null).status())
                .isEqualTo(401);
    }
}
