package dev.latchkey.app;

import dev.latchkey.http.problem.HttpErrorCodes;
import dev.latchkey.http.problem.Problem;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
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
    protected void generateResponse(
            Request request, Response response, int code, String message, Throwable cause, Callback callback)
            throws IOException {
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, Problem.MEDIA_TYPE);
        response.write(true, ByteBuffer.wrap(body(code).getBytes(StandardCharsets.UTF_8)), callback);
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(HttpHeader.CONTENT_TYPE, Problem.MEDIA_TYPE);
        return ByteBuffer.wrap(body(status).getBytes(StandardCharsets.UTF_8));
    }

    /** A fixed sentence per status Jetty answers by itself; the code is invalid_request unless named here. */
    private static final Map<Integer, String> DETAILS = Map.of(
            404, "No such resource",
            405, "The method is not allowed here",
            413, "The request body is too large",
            414, "The request URI is too long",
            431, "The request's headers are too large");

    private static final Map<Integer, String> CODES =
            Map.of(404, HttpErrorCodes.NOT_FOUND, 405, HttpErrorCodes.METHOD_NOT_ALLOWED);

    static String body(int status) {
        boolean ours = status >= 500;
        String code = ours ? HttpErrorCodes.INTERNAL_ERROR : CODES.getOrDefault(status, HttpErrorCodes.INVALID_REQUEST);
        String detail = ours
                ? "Something went wrong on our side"
                : DETAILS.getOrDefault(status, "The request is malformed or ambiguous");
        return "{\"type\":\"urn:latchkey:problem:" + code + "\",\"title\":\""
                + (ours ? "Internal server error" : "Invalid request") + "\",\"status\":" + status + ",\"detail\":\""
                + detail + "\",\"code\":\"" + code
                + "\"}";
    }
}
