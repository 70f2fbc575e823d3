package dev.latchkey.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.latchkey.domain.common.StoreUnavailable;
import dev.latchkey.domain.error.RequestRejected;
import dev.latchkey.http.problem.RequestRejectedMapper;
import dev.latchkey.http.problem.StoreUnavailableMapper;
import dev.latchkey.http.problem.UnexpectedExceptionMapper;
import dev.latchkey.http.problem.WebApplicationExceptionMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Writes answers straight onto the servlet response, for the endpoints served outside JAX-RS
 * ({@code /authz/check}, {@code /oauth/introspect}): on the decision path Jersey and HK2 allocated
 * ~30 KB per request and took ~40 % of its CPU (docs/performance.md). Their common answers are
 * written here directly; a rare one (a malformed request, an outage, a bug) is built by the same
 * code as the JAX-RS resources' and exception mappers' answers, as a {@link Response}, and copied
 * out, so both paths answer alike.
 */
public final class ServletAnswers {
    private static final ObjectWriter JSON = new ObjectMapper().writer();
    private static final RequestRejectedMapper REJECTIONS = new RequestRejectedMapper();
    private static final WebApplicationExceptionMapper SHAPES = new WebApplicationExceptionMapper();

    private ServletAnswers() {}

    /** A JSON document with its status; headers set before this call stay. */
    public static void json(HttpServletResponse servlet, int status, Object body) throws IOException {
        servlet.setStatus(status);
        servlet.setContentType("application/json");
        bytes(servlet, JSON.writeValueAsBytes(body));
    }

    /** A response built for JAX-RS — status, headers and entity (bytes, or JSON) — written out as it is. */
    public static void write(HttpServletResponse servlet, Response answer) throws IOException {
        servlet.setStatus(answer.getStatus());
        for (Map.Entry<String, List<String>> header : answer.getStringHeaders().entrySet()) {
            for (String value : header.getValue()) {
                servlet.addHeader(header.getKey(), value);
            }
        }
        Object entity = answer.getEntity();
        if (entity == null) {
            servlet.setContentLength(0);
            return;
        }
        try {
            bytes(servlet, entity instanceof byte[] raw ? raw : JSON.writeValueAsBytes(entity));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An answer could not be rendered", e);
        }
    }

    /**
     * Answers 405 unless the request is a POST, and 415 unless its body declares {@code mediaType},
     * as Jersey answers a resource method's {@code @POST} and {@code @Consumes}.
     *
     * @return whether it answered, and the endpoint must not
     */
    public static boolean refusedUnlessPosted(HttpServletRequest request, HttpServletResponse servlet, String mediaType)
            throws IOException {
        if (!"POST".equals(request.getMethod())) {
            write(servlet, SHAPES.toResponse(new NotAllowedException("POST")));
            return true;
        }
        if (!RequestBodies.declares(request, mediaType)) {
            write(servlet, SHAPES.toResponse(new NotSupportedException()));
            return true;
        }
        return false;
    }

    /**
     * A failure the endpoint did not answer itself, as the exception mappers answer it: a request
     * error as its problem, an outage as 503, anything else as a 500 that names only an error id.
     *
     * @param oauthShape whether the endpoint answers RFC 6749 error objects rather than problems
     */
    public static void failure(HttpServletResponse servlet, RuntimeException failure, boolean oauthShape)
            throws IOException {
        if (failure instanceof RequestRejected rejected) {
            write(servlet, REJECTIONS.toResponse(rejected));
        } else if (failure instanceof StoreUnavailable unavailable) {
            write(servlet, StoreUnavailableMapper.answer(unavailable, oauthShape));
        } else {
            write(servlet, UnexpectedExceptionMapper.answer(failure, oauthShape));
        }
    }

    private static void bytes(HttpServletResponse servlet, byte[] body) throws IOException {
        servlet.setContentLength(body.length);
        servlet.getOutputStream().write(body);
    }
}
