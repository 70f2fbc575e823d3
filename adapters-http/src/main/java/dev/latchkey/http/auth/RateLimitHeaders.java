package dev.latchkey.http.auth;

import dev.latchkey.domain.usage.UsageGate;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

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

    /** The same headers on a response being built. */
    public static void add(Response.ResponseBuilder response, UsageGate.Allowance allowance) {
        response.header("RateLimit-Limit", allowance.limit())
                .header("RateLimit-Remaining", allowance.remaining())
                .header("RateLimit-Reset", seconds(allowance));
    }

    private static void put(MultivaluedMap<String, Object> headers, UsageGate.Allowance allowance) {
        headers.putSingle("RateLimit-Limit", allowance.limit());
        headers.putSingle("RateLimit-Remaining", allowance.remaining());
        headers.putSingle("RateLimit-Reset", seconds(allowance));
    }

    private static long seconds(UsageGate.Allowance allowance) {
        return (allowance.reset().toMillis() + 999) / 1000;
    }
}
