package dev.latchkey.http;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * A request body as the endpoints served outside JAX-RS read it: its declared media type, at most
 * {@link #LIMIT} bytes of it, and — for a form — its fields. Only the body: unlike {@code
 * getParameter}, never the query string, where OAuth forbids credentials.
 */
public final class RequestBodies {
    /** As much as {@link UnreadBodies} drains: more than any body these endpoints accept. */
    public static final int LIMIT = UnreadBodies.LIMIT;

    private RequestBodies() {}

    /** Whether the request declares {@code mediaType} (any parameters, any case). */
    public static boolean declares(HttpServletRequest request, String mediaType) {
        String type = request.getContentType();
        if (type == null) {
            return false;
        }
        int semicolon = type.indexOf(';');
        return (semicolon < 0 ? type : type.substring(0, semicolon)).strip().equalsIgnoreCase(mediaType);
    }

    /** The body's bytes; empty when it is longer than {@link #LIMIT}. */
    public static Optional<byte[]> read(HttpServletRequest request) throws IOException {
        if (request.getContentLengthLong() > LIMIT) {
            return Optional.empty();
        }
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes(LIMIT + 1);
        }
        return body.length > LIMIT ? Optional.empty() : Optional.of(body);
    }

    /**
     * An {@code application/x-www-form-urlencoded} body's fields, each with every value sent,
     * decoded as UTF-8; empty when a %-escape is malformed.
     */
    public static Optional<MultivaluedMap<String, String>> form(byte[] body) {
        MultivaluedMap<String, String> form = new MultivaluedHashMap<>();
        try {
            for (String pair : new String(body, StandardCharsets.UTF_8).split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int equals = pair.indexOf('=');
                form.add(
                        URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8),
                        URLDecoder.decode(equals < 0 ? "" : pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        } catch (IllegalArgumentException malformedEscape) {
            return Optional.empty();
        }
        return Optional.of(form);
    }
}
