package dev.latchkey.identity;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.latchkey.domain.oauth.ClientAuthMethod;
import dev.latchkey.domain.oauth.OAuthClient;
import dev.latchkey.domain.oauth.OAuthError;
import dev.latchkey.domain.oauth.OAuthFailure;
import dev.latchkey.domain.testing.InMemoryCaches;
import dev.latchkey.domain.testing.MutableClock;
import dev.latchkey.outbound.PublicAddresses;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpClientMetadataDocumentsTest {
    private final WireMockServer server = new WireMockServer(options().dynamicPort());
    private final MutableClock clock = MutableClock.startingAt("2026-07-01T10:00:00Z");
    private HttpClientMetadataDocuments documents;

    @BeforeEach
    void start() {
        server.start();
        documents = new HttpClientMetadataDocuments(
                new ClientMetadataDocumentSettings(true, true, Duration.ofSeconds(2), 2048, Duration.ofHours(1)),
                clock,
                new InMemoryCaches());
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    private String url(String path) {
        return "http://127.0.0.1:" + server.port() + path;
    }

    private void serve(String path, String body, String cacheControl) {
        server.stubFor(get(urlEqualTo(path))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withHeader("Cache-Control", cacheControl)
                        .withBody(body)));
    }

    private static void assertInvalidClient(Runnable call, String why) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(OAuthFailure.class, f -> {
            assertThat(f.error()).isEqualTo(OAuthError.INVALID_CLIENT);
            assertThat(f.description()).contains(why);
        });
    }

    @Test
    void aDocumentNamingItselfDescribesAPublicClientAndIsCachedAsItAsks() {
        String url = url("/clients/vscode.json");
        serve(
                "/clients/vscode.json",
                "{\"client_id\":\"" + url + "\",\"client_name\":\"VS Code\","
                        + "\"redirect_uris\":[\"http://127.0.0.1:33418/\",\"https://vscode.dev/redirect\"],"
                        + "\"logo_uri\":\"https://example.com/logo.png\"}",
                "public, max-age=600");

        OAuthClient client = documents.fetch(url).orElseThrow();
        assertThat(client.clientId()).isEqualTo(url);
        assertThat(client.displayName()).isEqualTo("VS Code");
        assertThat(client.authMethod()).isEqualTo(ClientAuthMethod.NONE);
        assertThat(client.redirectUris()).containsExactly("http://127.0.0.1:33418/", "https://vscode.dev/redirect");

        documents.fetch(url);
        clock.advance(Duration.ofSeconds(599));
        documents.fetch(url);
        server.verify(1, getRequestedFor(urlEqualTo("/clients/vscode.json")));
        clock.advance(Duration.ofSeconds(1));
        documents.fetch(url);
        server.verify(2, getRequestedFor(urlEqualTo("/clients/vscode.json")));
    }

    @Test
    void aDocumentThatIsNotItsOwnOrIsUnusableIsRefused() {
        serve(
                "/other.json",
                "{\"client_id\":\"https://elsewhere.example/c.json\",\"redirect_uris\":[\"https://a/cb\"]}",
                "max-age=60");
        assertInvalidClient(() -> documents.fetch(url("/other.json")), "not its own URL");

        String confidential = url("/confidential.json");
        serve(
                "/confidential.json",
                "{\"client_id\":\"" + confidential + "\",\"redirect_uris\":[\"https://a/cb\"],"
                        + "\"token_endpoint_auth_method\":\"private_key_jwt\"}",
                "max-age=60");
        assertInvalidClient(() -> documents.fetch(confidential), "public clients");

        String dangerous = url("/dangerous.json");
        serve(
                "/dangerous.json",
                "{\"client_id\":\"" + dangerous + "\",\"redirect_uris\":[\"javascript:alert(1)\"]}",
                "max-age=60");
        assertInvalidClient(() -> documents.fetch(dangerous), "redirect URI");

        String big = url("/big.json");
        serve(
                "/big.json",
                "{\"client_id\":\"" + big + "\",\"client_name\":\"" + "x".repeat(4000) + "\"}",
                "max-age=60");
        assertInvalidClient(() -> documents.fetch(big), "larger than 2048 bytes");

        server.stubFor(get(urlEqualTo("/moved.json"))
                .willReturn(aResponse().withStatus(302).withHeader("Location", url("/clients/vscode.json"))));
        assertInvalidClient(() -> documents.fetch(url("/moved.json")), "HTTP 302");
        assertInvalidClient(() -> documents.fetch(url("/")), "with a path");
    }

    @Test
    void aFailureIsRememberedForAMinuteSoABadUrlCannotCauseAFetchPerRequest() {
        server.stubFor(get(urlEqualTo("/missing.json")).willReturn(aResponse().withStatus(404)));
        for (int i = 0; i < 5; i++) {
            assertInvalidClient(() -> documents.fetch(url("/missing.json")), "HTTP 404");
        }
        server.verify(1, getRequestedFor(urlEqualTo("/missing.json")));
    }

    @Test
    void inProductionOnlyHttpsToPublicAddressesIsFetched() {
        HttpClientMetadataDocuments production = new HttpClientMetadataDocuments(
                new ClientMetadataDocumentSettings(false, false, Duration.ofSeconds(2), 5120, Duration.ofHours(24)),
                clock,
                new InMemoryCaches());
        assertInvalidClient(() -> production.fetch(url("/clients/vscode.json")), "must be https");
        assertInvalidClient(
                () -> production.fetch("https://127.0.0.1:" + server.port() + "/c.json"), "private or local address");
        assertInvalidClient(() -> production.fetch("https://localhost/c.json"), "private or local address");
        assertInvalidClient(
                () -> production.fetch("https://169.254.169.254/latest/meta-data"), "private or local address");
        server.verify(0, getRequestedFor(urlEqualTo("/c.json")));
    }

    @Test
    void privateAndSpecialAddressesAreNotPublic() throws Exception {
        for (String address : List.of(
                "127.0.0.1",
                "10.1.2.3",
                "172.16.0.1",
                "192.168.1.1",
                "169.254.169.254",
                "100.64.0.1",
                "0.0.0.0",
                "224.0.0.1",
                "::1",
                "fe80::1",
                "fd00::1",
                "::ffff:10.0.0.1")) {
            assertThat(PublicAddresses.isPublic(InetAddress.getByName(address)))
                    .as(address)
                    .isFalse();
        }
        for (String address : List.of("8.8.8.8", "1.1.1.1", "2606:4700:4700::1111")) {
            assertThat(PublicAddresses.isPublic(InetAddress.getByName(address)))
                    .as(address)
                    .isTrue();
        }
    }

    /** Answers headers at once, then sends one byte of body every {@code pauseMillis}, forever. */
    private static java.net.ServerSocket trickling(int pauseMillis) throws java.io.IOException {
        java.net.ServerSocket socket = new java.net.ServerSocket(0);
        Thread acceptor = new Thread(() -> {
            while (!socket.isClosed()) {
                try {
                    java.net.Socket client = socket.accept();
                    Thread trickle = new Thread(() -> {
                        try (client) {
                            client.getInputStream().read(new byte[4096]);
                            var out = client.getOutputStream();
                            out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100000"
                                            + "\r\n\r\n")
                                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                            out.flush();
                            while (true) {
                                out.write(' ');
                                out.flush();
                                Thread.sleep(pauseMillis);
                            }
                        } catch (Exception closed) {
                            // the fetcher gave up: done
                        }
                    });
                    trickle.setDaemon(true);
                    trickle.start();
                } catch (java.io.IOException closed) {
                    return;
                }
            }
        });
        acceptor.setDaemon(true);
        acceptor.start();
        return socket;
    }

    @Test
    void aServerTricklingItsBodyIsCutOffAtTheDeadlineAndKeepsNoThread() throws Exception {
        try (java.net.ServerSocket slow = trickling(300)) {
            String url = "http://127.0.0.1:" + slow.getLocalPort() + "/clients/slow.json";
            long started = System.nanoTime();
            assertInvalidClient(() -> documents.fetch(url), "did not arrive within");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        }
    }

    @Test
    void concurrentFetchesBeyondTheCapAreTemporarilyUnavailableAtOnce() throws Exception {
        try (java.net.ServerSocket slow = trickling(300)) {
            var pool = java.util.concurrent.Executors.newFixedThreadPool(20);
            try {
                var answers = new java.util.ArrayList<java.util.concurrent.Future<String>>();
                for (int i = 0; i < 20; i++) {
                    String url = "http://127.0.0.1:" + slow.getLocalPort() + "/clients/c" + i + ".json";
                    answers.add(pool.submit(() -> {
                        try {
                            documents.fetch(url);
                            return "fetched";
                        } catch (OAuthFailure failure) {
                            return failure.error().name();
                        }
                    }));
                }
                var seen = new java.util.ArrayList<String>();
                for (var answer : answers) {
                    seen.add(answer.get());
                }
                assertThat(seen).contains("TEMPORARILY_UNAVAILABLE").doesNotContain("fetched");
                assertThat(seen.stream().filter("INVALID_CLIENT"::equals).count())
                        .isLessThanOrEqualTo(HttpClientMetadataDocuments.MAX_CONCURRENT_FETCHES);
            } finally {
                pool.shutdownNow();
            }
        }
    }
}
