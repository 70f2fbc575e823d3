package dev.latchkey.http.problem;

import dev.latchkey.domain.common.StoreUnavailable;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A store outage on a management route: 503 with Retry-After, never a 500 with a stack trace. */
public final class StoreUnavailableMapper implements ExceptionMapper<StoreUnavailable> {
    private static final Logger LOG = LoggerFactory.getLogger(StoreUnavailableMapper.class);

    /** The matched resource, to answer OAuth endpoints in their own shape. */
    @jakarta.ws.rs.core.Context
    private jakarta.ws.rs.container.ResourceInfo resource;

    @Override
    public Response toResponse(StoreUnavailable unavailable) {
        return answer(unavailable, OAuthErrorBodies.wanted(resource));
    }

    /** The same answer outside Jersey, for the endpoints served straight from a servlet. */
    public static Response answer(StoreUnavailable unavailable, boolean oauthShape) {
        LOG.warn("store unavailable: {}", unavailable.getMessage());
        if (oauthShape) {
            return OAuthErrorBodies.temporarilyUnavailable(
                    "A store Latchkey depends on cannot be reached; try again shortly");
        }
        Response problem = ProblemResponses.problem(
                503,
                HttpErrorCodes.SERVICE_UNAVAILABLE,
                "Service unavailable",
                "A store Latchkey depends on cannot be reached; try again shortly");
        return Response.fromResponse(problem)
                .header(HttpHeaders.RETRY_AFTER, "5")
                .build();
    }
}
