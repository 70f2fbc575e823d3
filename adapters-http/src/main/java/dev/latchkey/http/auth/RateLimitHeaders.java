package dev.latchkey.http.auth;

import dev.latchkey.domain.usage.UsageGate;
import jakarta.annotation.Priority;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.function.BiConsumer;

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
        each(allowance, response::setHeader);
    }

    private static void put(MultivaluedMap<String, Object> headers, UsageGate.Allowance allowance) {
        each(allowance, headers::putSingle);
    }

    /** Strings, not numbers: Jersey would look up a header delegate for each number on every response. */
    private static void each(UsageGate.Allowance allowance, BiConsumer<String, String> header) {
        header.accept("RateLimit-Limit", Long.toString(allowance.limit()));
        header.accept("RateLimit-Remaining", Long.toString(allowance.remaining()));
        header.accept("RateLimit-Reset", Long.toString(seconds(allowance)));
    }

    private static long seconds(UsageGate.Allowance allowance) {
        return (allowance.reset().toMillis() + 999) / 1000;
    }
}
