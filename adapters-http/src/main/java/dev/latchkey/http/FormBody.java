package dev.latchkey.http;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * An {@code application/x-www-form-urlencoded} request body, read by an endpoint served outside
 * JAX-RS. Only the body: unlike {@code getParameter}, never the query string, where OAuth forbids
 * credentials. At most {@link #LIMIT} bytes are read.
 */
public final class FormBody {
    /** As much as {@link UnreadBodies} drains: more than any form Latchkey accepts. */
    public static final int LIMIT = UnreadBodies.LIMIT;

    private FormBody() {}

    /** Whether the request says its body is a form ({@code application/x-www-form-urlencoded}, any parameters). */
    public static boolean isForm(HttpServletRequest request) {
        String type = request.getContentType();
        if (type == null) {
            return false;
        }
        int semicolon = type.indexOf(';');
        return (semicolon < 0 ? type : type.substring(0, semicolon))
                .strip()
                .equalsIgnoreCase("application/x-www-form-urlencoded");
    }

    /**
     * The form's fields, each with every value sent, decoded as UTF-8.
     *
     * @return empty when the body is longer than {@link #LIMIT} or holds a malformed %-escape
     */
    public static Optional<MultivaluedMap<String, String>> read(HttpServletRequest request) throws IOException {
        long declared = request.getContentLengthLong();
        if (declared > LIMIT) {
            return Optional.empty();
        }
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes(LIMIT + 1);
        }
        if (body.length > LIMIT) {
            return Optional.empty();
        }
        return parse(new String(body, StandardCharsets.UTF_8));
    }

    static Optional<MultivaluedMap<String, String>> parse(String body) {
        MultivaluedMap<String, String> form = new MultivaluedHashMap<>();
        try {
            Arrays.stream(body.split("&")).filter(pair -> !pair.isEmpty()).forEach(pair -> {
                int equals = pair.indexOf('=');
                String name = equals < 0 ? pair : pair.substring(0, equals);
                String value = equals < 0 ? "" : pair.substring(equals + 1);
                form.add(
                        URLDecoder.decode(name, StandardCharsets.UTF_8),
                        URLDecoder.decode(value, StandardCharsets.UTF_8));
            });
        } catch (IllegalArgumentException malformedEscape) {
            return Optional.empty();
        }
        return Optional.of(form);
    }
}
