package dev.latchkey.http.problem;

import dev.latchkey.domain.error.RequestRejected;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

public final class RequestRejectedMapper implements ExceptionMapper<RequestRejected> {
    @Override
    public Response toResponse(RequestRejected rejected) {
        int status = switch (rejected.error()) {
            case NOT_FOUND -> 404;
            case INVALID_REQUEST -> 400;
            case CONFLICT -> 409;
        };
        return ProblemResponses.problem(status, rejected.error().code(), rejected.error().title(), rejected.detail());
    }
}
