package dev.latchkey.http.console;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The console's way to act: Latchkey's own HTTP API, called on loopback with the signed-in
 * person's token. Every rule — scopes, validation, audit, rate limits — is therefore the API's;
 * the console adds pages, not a second path.
 */
final class LatchkeyApiClient {
    /** An API answer: status and JSON body (a problem document on failure). */
    record Answer(int status, Map<String, Object> body) {
        boolean ok() {
            return status >= 200 && status < 300;
        }

        String problem() {
            Object detail = body.get("detail");
            Object code = body.get("code");
            return (detail == null ? "The request failed" : detail.toString())
                    + (code == null ? "" : " (" + code + ")");
        }
    }

    private static final TypeReference<Map<String, Object>> JSON_OBJECT = new TypeReference<>() {};

    private final Supplier<URI> base;
    private final ObjectMapper json;

    /**
     * Made on the console's first call, not at start: a JDK client initialises TLS and starts a
     * thread (docs/performance.md), and most instances never serve the console.
     */
    private static final class Loopback {
        static final HttpClient HTTP = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(2))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    LatchkeyApiClient(Supplier<URI> base, ObjectMapper json) {
        this.base = base;
        this.json = json;
    }

    Answer call(String method, String path, String token, Object body) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(base.get().resolve(path))
                    .timeout(Duration.ofSeconds(10))
                    .header("Accept", "application/json");
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            if (body == null) {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
            }
            HttpResponse<String> response = Loopback.HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String text = response.body();
            Map<String, Object> parsed =
                    text == null || text.isBlank() || !text.strip().startsWith("{")
                            ? Map.of()
                            : json.readValue(text, JSON_OBJECT);
            return new Answer(response.statusCode(), parsed);
        } catch (IOException e) {
            return new Answer(
                    503, Map.of("detail", "Latchkey's API could not be reached", "code", "service_unavailable"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(503, Map.of("detail", "Interrupted", "code", "service_unavailable"));
        }
    }
}
