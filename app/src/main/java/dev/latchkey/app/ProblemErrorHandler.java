package dev.latchkey.app;

import dev.latchkey.http.problem.HttpErrorCodes;
import dev.latchkey.http.problem.Problem;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * What Jetty itself answers before a request reaches Latchkey — headers too large (431), a URI too
 * long (414), an ambiguous path (400), a malformed request line — in the same problem+json shape as
 * every other failure, instead of Jetty's HTML page. The detail is a fixed sentence per status, never
 * Jetty's message, which can echo what the client sent.
 */
final class ProblemErrorHandler extends ErrorHandler {

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
            Callback callback) throws IOException {
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, Problem.MEDIA_TYPE);
        response.write(true, ByteBuffer.wrap(body(code).getBytes(StandardCharsets.UTF_8)), callback);
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(HttpHeader.CONTENT_TYPE, Problem.MEDIA_TYPE);
        return ByteBuffer.wrap(body(status).getBytes(StandardCharsets.UTF_8));
    }

    static String body(int status) {
        String code;
        String detail;
        switch (status) {
            case 404 -> {
                code = HttpErrorCodes.NOT_FOUND;
                detail = "No such resource";
            }
            case 405 -> {
                code = HttpErrorCodes.METHOD_NOT_ALLOWED;
                detail = "The method is not allowed here";
            }
            case 413 -> {
                code = HttpErrorCodes.INVALID_REQUEST;
                detail = "The request body is too large";
            }
            case 414 -> {
                code = HttpErrorCodes.INVALID_REQUEST;
                detail = "The request URI is too long";
            }
            case 431 -> {
                code = HttpErrorCodes.INVALID_REQUEST;
                detail = "The request's headers are too large";
            }
            default -> {
                if (status >= 500) {
                    code = HttpErrorCodes.INTERNAL_ERROR;
                    detail = "Something went wrong on our side";
                } else {
                    code = HttpErrorCodes.INVALID_REQUEST;
                    detail = "The request is malformed or ambiguous";
                }
            }
        }
        return "{\"type\":\"urn:latchkey:problem:" + code + "\",\"title\":\"" + (status >= 500 ? "Internal server error"
                : "Invalid request") + "\",\"status\":" + status + ",\"detail\":\"" + detail + "\",\"code\":\"" + code
                + "\"}";
    }
}
