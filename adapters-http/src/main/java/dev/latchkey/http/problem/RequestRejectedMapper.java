package dev.latchkey.http.problem;

import dev.latchkey.domain.error.RequestError;
import dev.latchkey.domain.error.RequestRejected;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

public final class RequestRejectedMapper implements ExceptionMapper<RequestRejected> {
    @Override
    public Response toResponse(RequestRejected rejected) {
        return ProblemResponses.problem(statusOf(rejected.error()), rejected.error().code(), rejected.error().title(),
                rejected.detail());
    }

    /** The one status of each request error. */
    public static int statusOf(RequestError error) {
        return switch (error) {
            case NOT_FOUND -> 404;
            case INVALID_REQUEST -> 400;
            case CONFLICT -> 409;
        };
    }
}
