package dev.latchkey.http.problem;

import dev.latchkey.domain.error.RequestRejected;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

public final class RequestRejectedMapper implements ExceptionMapper<RequestRejected> {
    @Override
    public Response toResponse(RequestRejected rejected) {
        return ProblemResponses.problem(
                ErrorStatus.of(rejected.error()),
                rejected.error().code(),
                rejected.error().title(),
                rejected.detail());
    }

    /** The one status of each request error. */
}
