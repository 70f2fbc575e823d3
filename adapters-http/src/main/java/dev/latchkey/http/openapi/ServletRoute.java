package dev.latchkey.http.openapi;

import java.util.List;

/**
 * A route served by a plain servlet rather than a JAX-RS resource, as the OpenAPI document lists
 * it: Jersey's resource model does not know it, so the servlet declares it beside its code. Every
 * such route is public — the route table or the client authentication inside decides.
 *
 * @param consumes the request body's media types ({@code []}: none)
 * @param produces the success answer's media types ({@code []}: no body)
 */
public record ServletRoute(
        String path, List<String> methods, String tag, List<String> consumes, List<String> produces) {
    public static final List<String> ANY_METHOD = List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");
}
