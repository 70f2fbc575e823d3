package dev.latchkey.http.problem;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Anything unforeseen: logged with an id, answered with that id and nothing else. A database error's
 * message holds the statement and the values bound to it (a key's hash, a token id), so such an
 * error is logged by its class, SQL state and code, with the stack of frames but not the message.
 */
public final class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {
    private static final Logger LOG = LoggerFactory.getLogger(UnexpectedExceptionMapper.class);

    /** The matched resource, to answer OAuth endpoints in their own shape. */
    @jakarta.ws.rs.core.Context
    private jakarta.ws.rs.container.ResourceInfo resource;

    @Override
    public Response toResponse(Throwable exception) {
        return answer(exception, OAuthErrorBodies.wanted(resource));
    }

    /** The same answer outside Jersey, for the endpoints served straight from a servlet. */
    public static Response answer(Throwable exception, boolean oauthShape) {
        String errorId = UUID.randomUUID().toString();
        java.sql.SQLException sql = sqlCause(exception);
        if (sql != null) {
            LOG.error(
                    "unexpected error {}: {} (SQL state {}, code {}) at {}",
                    errorId,
                    sql.getClass().getName(),
                    sql.getSQLState(),
                    sql.getErrorCode(),
                    frames(exception));
        } else {
            LOG.error("unexpected error {}", errorId, exception);
        }
        String detail = "Something went wrong on our side; quote error id " + errorId;
        if (oauthShape) {
            return OAuthErrorBodies.of(500, "server_error", detail).build();
        }
        return ProblemResponses.problem(500, HttpErrorCodes.INTERNAL_ERROR, "Internal server error", detail);
    }

    private static java.sql.SQLException sqlCause(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.sql.SQLException sql) {
                return sql;
            }
        }
        return null;
    }

    /** Where it happened, in Latchkey's own code, without any message along the chain. */
    private static String frames(Throwable failure) {
        return java.util.Arrays.stream(failure.getStackTrace())
                .filter(f -> f.getClassName().startsWith("dev.latchkey"))
                .limit(8)
                .map(StackTraceElement::toString)
                .collect(java.util.stream.Collectors.joining(" < "));
    }
}
