package dev.latchkey.app;

import jakarta.ws.rs.core.GenericType;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/** A response read in full and closed at once, so tests never leak pooled client connections. */
record Reply(int status, String mediaType, Map<String, String> headers, Map<String, Object> body) {
    private static final GenericType<Map<String, Object>> JSON = new GenericType<>() {};

    static Reply of(Response response) {
        try (response) {
            Map<String, String> headers = new java.util.HashMap<>();
            response.getStringHeaders()
                    .forEach((name, values) ->
                            headers.put(name.toLowerCase(java.util.Locale.ROOT), String.join(",", values)));
            Map<String, Object> body = response.hasEntity()
                            && response.getMediaType() != null
                            && response.getMediaType().getSubtype().endsWith("json")
                    ? response.readEntity(JSON)
                    : Map.of();
            return new Reply(
                    response.getStatus(),
                    response.getMediaType() == null
                            ? null
                            : response.getMediaType().toString(),
                    headers,
                    body);
        }
    }

    /** Asserts a problem answer: this status and this stable code. */
    static void assertProblem(Reply reply, int status, String code) {
        org.assertj.core.api.Assertions.assertThat(reply.status())
                .as(reply.body().toString())
                .isEqualTo(status);
        org.assertj.core.api.Assertions.assertThat(reply.body()).containsEntry("code", code);
    }

    String header(String name) {
        return headers.get(name.toLowerCase(java.util.Locale.ROOT));
    }

    String string(String field) {
        return (String) body.get(field);
    }
}
