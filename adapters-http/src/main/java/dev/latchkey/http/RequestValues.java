package dev.latchkey.http;

import dev.latchkey.domain.error.RequestRejected;
import dev.latchkey.domain.scope.ScopeSet;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/** Turns request fields into domain values, answering 400 with the field's name when they are not. */
public final class RequestValues {

    private RequestValues() {}

    public static <T> T requireBody(T body) {
        if (body == null) {
            throw RequestRejected.invalid("A JSON request body is required");
        }
        return body;
    }

    public static Optional<ScopeSet> scopes(String field, List<String> scopes) {
        if (scopes == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(ScopeSet.parse(scopes));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw RequestRejected.invalid(field + ": " + (e.getMessage() == null ? "null scope" : e.getMessage()));
        }
    }

    public static Optional<Instant> instant(String field, String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(text));
        } catch (DateTimeParseException e) {
            throw RequestRejected.invalid(field + " must be an ISO-8601 instant such as 2030-01-01T00:00:00Z");
        }
    }
}
