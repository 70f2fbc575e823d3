package dev.latchkey.http.auth;

import dev.latchkey.domain.usage.UsageGate;
import jakarta.annotation.Priority;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MultivaluedMap;

/** {@code RateLimit-Limit}, {@code -Remaining} and {@code -Reset} (seconds) on every admitted response. */
@Priority(Priorities.HEADER_DECORATOR)
public final class RateLimitHeaders implements ContainerResponseFilter {
    static final String PROPERTY = "latchkey.allowance";

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(PROPERTY) instanceof UsageGate.Allowance allowance) {
            put(response.getHeaders(), allowance);
        }
    }

    /** The same headers, written straight onto a servlet response. */
    public static void write(HttpServletResponse response, UsageGate.Allowance allowance) {
        response.setHeader("RateLimit-Limit", Long.toString(allowance.limit()));
        response.setHeader("RateLimit-Remaining", Long.toString(allowance.remaining()));
        response.setHeader("RateLimit-Reset", Long.toString(seconds(allowance)));
    }

    private static void put(MultivaluedMap<String, Object> headers, UsageGate.Allowance allowance) {
        // Strings, not numbers: Jersey would look up a header delegate for each number on every response.
        headers.putSingle("RateLimit-Limit", Long.toString(allowance.limit()));
        headers.putSingle("RateLimit-Remaining", Long.toString(allowance.remaining()));
        headers.putSingle("RateLimit-Reset", Long.toString(seconds(allowance)));
    }

    private static long seconds(UsageGate.Allowance allowance) {
        return (allowance.reset().toMillis() + 999) / 1000;
    }
}
