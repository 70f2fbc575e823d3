package dev.latchkey.http.problem;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Anything unforeseen: logged with an id, answered with that id and nothing else. */
public final class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {
    private static final Logger LOG = LoggerFactory.getLogger(UnexpectedExceptionMapper.class);

    @Override
    public Response toResponse(Throwable exception) {
        String errorId = UUID.randomUUID().toString();
        LOG.error("unexpected error {}", errorId, exception);
        return ProblemResponses.problem(500, HttpErrorCodes.INTERNAL_ERROR, "Internal server error",
                "Something went wrong on our side; quote error id " + errorId);
    }
}
