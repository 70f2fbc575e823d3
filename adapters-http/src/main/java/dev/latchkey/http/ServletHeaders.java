package dev.latchkey.http;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;

/** A request's headers as the endpoints served outside JAX-RS read them: every value, so a repeat is seen. */
public final class ServletHeaders {
    private ServletHeaders() {}

    /** Every value sent under {@code name}, in order; an empty list when there is none. */
    public static List<String> values(HttpServletRequest request, String name) {
        // Most headers asked about are absent: getHeader allocates nothing, getHeaders an iterator.
        if (request.getHeader(name) == null) {
            return List.of();
        }
        Enumeration<String> values = request.getHeaders(name);
        if (values == null || !values.hasMoreElements()) {
            return List.of();
        }
        String first = values.nextElement();
        if (!values.hasMoreElements()) {
            return List.of(first);
        }
        List<String> all = new ArrayList<>(2);
        all.add(first);
        while (values.hasMoreElements()) {
            all.add(values.nextElement());
        }
        return all;
    }
}
