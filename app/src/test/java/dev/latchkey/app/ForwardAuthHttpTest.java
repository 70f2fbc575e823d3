package dev.latchkey.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.app.config.LatchkeyConfiguration;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.client.Invocation;
import java.util.List;
import org.jose4j.jwk.HttpsJwks;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.HttpsJwksVerificationKeyResolver;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What {@code /authz/check} gives a proxy beyond the decision: a signed principal the upstream can
 * verify against the JWKS, and, for nginx's auth_request, denials it can relay.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class ForwardAuthHttpTest {
    static final DropwizardAppExtension<LatchkeyConfiguration> APP = TestApps.onH2();
    private static String key;
    private static String workspaceId;

    @BeforeAll
    static void workspace() {
        var created = TestApps.createWorkspace(APP, "Forward");
        key = created.firstKey().secret().value();
        workspaceId = created.workspace().id();
    }

    private static Invocation.Builder check(String method, String uri) {
        return TestApps.request(APP, "/authz/check")
                .header("X-Original-Method", method)
                .header("X-Original-URI", uri);
    }

    @Test
    void anAllowedRequestCarriesAPrincipalTheUpstreamCanVerifyWithTheJwks() throws Exception {
        Reply allowed = Reply.of(check("GET", "/api/pipelines/p_1")
                .header("Authorization", "Bearer " + key)
                .get());
        assertThat(allowed.status()).isEqualTo(200);
        String assertion = allowed.header("X-Latchkey-Principal");

        HttpsJwks jwks = new HttpsJwks("http://localhost:" + APP.getLocalPort() + "/.well-known/jwks.json");
        JwtClaims claims = new JwtConsumerBuilder()
                .setVerificationKeyResolver(new HttpsJwksVerificationKeyResolver(jwks))
                .setExpectedIssuer("latchkey")
                .setExpectedAudience("latchkey-upstream")
                .setRequireExpirationTime()
                .setExpectedType(true, "latchkey-principal+jwt")
                .build()
                .processToClaims(assertion);
        assertThat(claims.getSubject()).isEqualTo(allowed.header("X-Latchkey-Actor"));
        assertThat(claims.getStringClaimValue("tenant_id")).isEqualTo(workspaceId);
        assertThat(claims.getStringClaimValue("credential_kind")).isEqualTo("api_key");
        assertThat(claims.getExpirationTime().getValue() - claims.getIssuedAt().getValue())
                .isLessThanOrEqualTo(60);

        Reply again = Reply.of(check("GET", "/api/pipelines/p_2")
                .header("Authorization", "Bearer " + key)
                .get());
        assertThat(again.header("X-Latchkey-Principal"))
                .as("reused, not signed per request")
                .isEqualTo(assertion);
    }

    @Test
    void aSubrequestGetsEveryDenialAs401Or403WithTheRealStatusBeside() {
        record Row(String uri, String credential, int relayed, String real) {}
        for (Row row : List.of(
                new Row("/api/pipelines/p_1", "", 401, "401"),
                new Row("/nowhere", key, 403, "404"),
                new Row("/api/pipelines/p_1", "sk_live_bad", 401, "401"))) {
            var request = check("GET", row.uri()).header("X-Latchkey-Subrequest", "auth_request");
            if (!row.credential().isEmpty()) {
                request = request.header("Authorization", "Bearer " + row.credential());
            }
            Reply relayed = Reply.of(request.get());
            assertThat(relayed.status()).as(row.toString()).isEqualTo(row.relayed());
            assertThat(relayed.header("X-Latchkey-Status")).as(row.toString()).isEqualTo(row.real());
        }
        Reply.assertProblem(
                Reply.of(check("GET", "/nowhere")
                        .header("Authorization", "Bearer " + key)
                        .get()),
                404,
                "not_found");
    }

    @Test
    void everyAnswerCarriesARequestIdTheProxyMayChoose() {
        Reply chosen = Reply.of(check("GET", "/api/pipelines/p_1")
                .header("X-Request-Id", "nginx-7f3a")
                .get());
        assertThat(chosen.header("X-Request-Id")).isEqualTo("nginx-7f3a");
        Reply generated = Reply.of(check("GET", "/api/pipelines/p_1")
                .header("X-Request-Id", "not an id; " + "x".repeat(80))
                .get());
        assertThat(generated.header("X-Request-Id"))
                .as("an unusable id is replaced")
                .matches("[0-9a-f-]{36}");
    }
}
