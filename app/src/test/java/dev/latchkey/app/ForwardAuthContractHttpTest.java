package dev.latchkey.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.app.config.LatchkeyConfiguration;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code /authz/check} decides exactly the request the upstream will serve: an original URI an
 * upstream could read differently is refused (400 {@code invalid_request}) for every path form,
 * posture and credential; only the configured proxy's header family is read, and a request carrying
 * the other family, or a repeated header, is refused. Sent over a raw socket, so that no client
 * library normalises the paths first.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class ForwardAuthContractHttpTest {
    static final DropwizardAppExtension<LatchkeyConfiguration> NGINX = TestApps.onH2();

    /** Each resolves, by the dot segments an upstream would apply, to a guarded path. */
    private static final List<String> AMBIGUOUS = List.of(
            "/public/../api/pipelines/p_1",
            "/public/..%2Fapi%2Fpipelines%2Fp_1",
            "/public/..;/api/pipelines/p_1",
            "/public/%2e%2e/api/pipelines/p_1",
            "/public/%2E%2E/api/pipelines/p_1",
            "//api/pipelines/p_1",
            "/public//../api/pipelines/p_1",
            "/public/.%2e/api/pipelines/p_1",
            "/public%5c..%5capi/pipelines/p_1",
            "/public/%252e%252e/api/pipelines",
            "/mcp/../api/pipelines/p_1",
            "/public/./../api/pipelines/p_1");

    private static String key;
    private static String readOnlyKey;

    @BeforeAll
    static void keys() {
        key = TestApps.createWorkspace(NGINX, "Forward").firstKey().secret().value();
        readOnlyKey = TestApps.call(
                        NGINX,
                        "POST",
                        "/api-keys",
                        key,
                        java.util.Map.of("name", "reader", "scopes", List.of("records:read")))
                .string("key");
    }

    private static RawHttp.Answer nginx(String method, String uri, String... extra) {
        List<String> headers = new ArrayList<>(List.of("X-Original-Method: " + method, "X-Original-URI: " + uri));
        headers.addAll(List.of(extra));
        return send(NGINX, "GET", "/authz/check", headers);
    }

    static RawHttp.Answer send(
            DropwizardAppExtension<LatchkeyConfiguration> app, String method, String target, List<String> headers) {
        List<byte[]> raw = headers.stream()
                .map(h -> h.getBytes(StandardCharsets.ISO_8859_1))
                .toList();
        return RawHttp.send(app.getLocalPort(), method, target, raw, new byte[0]);
    }

    @Test
    void anAmbiguousOriginalUriIsRefusedWhateverTheCredential() {
        for (String path : AMBIGUOUS) {
            for (String credential :
                    List.of("", "Authorization: Bearer " + key, "Authorization: Bearer " + readOnlyKey)) {
                for (String method : List.of("GET", "DELETE")) {
                    RawHttp.Answer answer =
                            credential.isEmpty() ? nginx(method, path) : nginx(method, path, credential);
                    assertThat(answer.status())
                            .as(method + " " + path + " with " + credential)
                            .isEqualTo(400);
                    assertThat(answer.body())
                            .contains("\"code\":\"invalid_request\"")
                            .contains("refused because");
                }
            }
        }
    }

    @Test
    void theSameRequestWrittenPlainlyIsDecidedByItsRule() {
        assertThat(nginx("GET", "/public/anything").status()).isEqualTo(200);
        assertThat(nginx("GET", "/api/pipelines/p_1").status()).isEqualTo(401);
        assertThat(nginx("GET", "/api/pipelines/p_1", "Authorization: Bearer " + key)
                        .status())
                .isEqualTo(200);
        assertThat(nginx("GET", "/api/pipelines/p_1?x=/../../public", "Authorization: Bearer " + readOnlyKey)
                        .status())
                .as("the query plays no part")
                .isEqualTo(403);
    }

    @Test
    void aRepeatedOriginalUriIsRefusedNotJoined() {
        RawHttp.Answer answer = nginx("GET", "/public/x", "X-Original-URI: /api/pipelines/p_1");
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body()).contains("repeated");
    }

    /** The upstream might read the other copy of an approval or a declared body hash: neither is guessed. */
    @Test
    void aRepeatedApprovalOrBodyHashIsRefusedNotJoinedOrPicked() {
        String hash = "a".repeat(64);
        for (String[] repeated : List.of(
                new String[] {"X-Latchkey-Approval: apr_1", "X-Latchkey-Approval: apr_2"},
                new String[] {"X-Latchkey-Body-SHA256: " + hash, "X-Latchkey-Body-SHA256: " + "b".repeat(64)})) {
            RawHttp.Answer answer =
                    nginx("GET", "/api/pipelines/p_1", "Authorization: Bearer " + key, repeated[0], repeated[1]);
            assertThat(answer.status()).as(repeated[0]).isEqualTo(400);
            assertThat(answer.body()).contains("repeated").contains("\"code\":\"invalid_request\"");
        }
        assertThat(nginx("GET", "/api/pipelines/p_1", "Authorization: Bearer " + key, "X-Latchkey-Body-SHA256: " + hash)
                        .status())
                .isEqualTo(200);
    }

    @Test
    void behindNginxTheTraefikFamilyIsRefused() {
        RawHttp.Answer answer = nginx("GET", "/api/pipelines/p_1", "X-Forwarded-Uri: /health");
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body()).contains("X-Forwarded-Uri is not sent by nginx");
    }

    @Test
    void refusalsAreProblemDocuments() {
        RawHttp.Answer answer = nginx("GET", "/public/../api/pipelines/p_1");
        assertThat(answer.head().toLowerCase(java.util.Locale.ROOT)).contains("content-type: application/problem+json");
        assertThat(answer.body()).contains("\"status\":400").contains("\"code\":\"invalid_request\"");
    }
}
