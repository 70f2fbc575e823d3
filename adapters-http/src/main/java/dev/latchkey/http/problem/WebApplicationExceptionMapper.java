package dev.latchkey.http.problem;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/** Jersey's own failures (no route, wrong method, bad media type) in the same problem shape. */
public final class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {
    @Override
    public Response toResponse(WebApplicationException exception) {
        Response original = exception.getResponse();
        int status = original.getStatus();
        String code = switch (status) {
            case 404 -> HttpErrorCodes.NOT_FOUND;
            case 405 -> HttpErrorCodes.METHOD_NOT_ALLOWED;
            case 406 -> HttpErrorCodes.NOT_ACCEPTABLE;
            case 415 -> HttpErrorCodes.UNSUPPORTED_MEDIA_TYPE;
            default -> status >= 500 ? HttpErrorCodes.INTERNAL_ERROR : HttpErrorCodes.INVALID_REQUEST;
        };
        Response.StatusType statusInfo = original.getStatusInfo();
        String detail = switch (status) {
            case 404 -> "No such resource";
            case 405 -> "This resource does not support that method";
            default -> statusInfo.getReasonPhrase();
        };
        Response.ResponseBuilder problem =
                Response.fromResponse(ProblemResponses.problem(status, code, statusInfo.getReasonPhrase(), detail));
        String allow = original.getHeaderString("Allow");
        if (allow != null) {
            problem.header("Allow", allow);
        }
        return problem.build();
    }
}
