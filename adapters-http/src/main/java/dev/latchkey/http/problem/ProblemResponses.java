package dev.latchkey.http.problem;

import dev.latchkey.domain.error.AuthError;
import dev.latchkey.domain.error.AuthFailure;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/** Builds problem+json responses, with the challenge and retry headers each status calls for. */
public final class ProblemResponses {
    private static final String REALM = "latchkey";
    /** Parsed once: {@code type(String)} would parse the media type on every refusal. */
    private static final MediaType PROBLEM_JSON = MediaType.valueOf(Problem.MEDIA_TYPE);
    private static final ObjectWriter PROBLEM_WRITER = new ObjectMapper().writerFor(Problem.class);
    private static final RenderedOnce<Problem, byte[]> BODIES = new RenderedOnce<>(1_000, ProblemResponses::render);

    private ProblemResponses() {
    }

    public static Response problem(int status, String code, String title, String detail) {
        return Response.status(status)
                .type(PROBLEM_JSON)
                .entity(Problem.of(status, code, title, detail))
                .build();
    }

    public static Response of(AuthFailure failure) {
        Response.ResponseBuilder response = Response.status(ErrorStatus.of(failure.error()))
                .type(PROBLEM_JSON)
                .entity(problemOf(failure));
        headersOf(failure).forEach(response::header);
        return response.build();
    }

    /**
     * The same refusal as {@link #of}, written and committed straight onto the servlet response. For
     * the forward-auth endpoint, where a refusal is a common answer: Jersey's response pipeline
     * around an entity cost more than the decision (docs/performance.md). The caller returns a
     * {@link Response} with the same status and no entity, so Jersey's view of the exchange agrees
     * with the wire; the servlet ignores what Jersey writes after the commit.
     *
     * @param challenge extends the Bearer challenge, e.g. with the resource's metadata URL
     */
    public static Response writeTo(HttpServletResponse servletResponse, AuthFailure failure,
            UnaryOperator<String> challenge) {
        int status = ErrorStatus.of(failure.error());
        try {
            byte[] body = BODIES.get(problemOf(failure));
            servletResponse.setStatus(status);
            servletResponse.setContentType(Problem.MEDIA_TYPE);
            headersOf(failure).forEach((name, value) -> servletResponse.setHeader(name,
                    name.equals(HttpHeaders.WWW_AUTHENTICATE) ? challenge.apply(value) : value));
            servletResponse.setContentLength(body.length);
            servletResponse.getOutputStream().write(body);
            servletResponse.flushBuffer();
        } catch (IOException e) {
            // The caller went away; there is no one left to answer.
            throw new UncheckedIOException(e);
        }
        return Response.status(status).build();
    }

    private static byte[] render(Problem problem) {
        try {
            return PROBLEM_WRITER.writeValueAsBytes(problem);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("A problem document could not be rendered", e);
        }
    }

    private static Problem problemOf(AuthFailure failure) {
        AuthError error = failure.error();
        return Problem.of(ErrorStatus.of(error), error.code(), error.title(), failure.detail());
    }

    /** The challenge and Retry-After headers a refusal calls for. */
    private static Map<String, String> headersOf(AuthFailure failure) {
        AuthError error = failure.error();
        Map<String, String> headers = new LinkedHashMap<>(4);
        challenge(error, failure.detail()).ifPresent(value -> headers.put(HttpHeaders.WWW_AUTHENTICATE, value));
        failure.retryAfter().ifPresent(after -> headers.put(HttpHeaders.RETRY_AFTER,
                Long.toString(Math.max(1, after.toSeconds()))));
        if (ErrorStatus.of(error) == 503 && failure.retryAfter().isEmpty()) {
            headers.put(HttpHeaders.RETRY_AFTER, "5");
        }
        return headers;
    }

    /**
     * The RFC 6750 §3 challenge: no error attribute when no credential was sent (§3.1 says the
     * server SHOULD NOT), {@code invalid_request} for a malformed header, {@code invalid_token}
     * for a credential that proves nothing, {@code insufficient_scope} on a scope denial.
     */
    static java.util.Optional<String> challenge(AuthError error, String detail) {
        String base = "Bearer realm=\"" + REALM + "\"";
        return switch (error) {
            case MISSING_AUTH -> java.util.Optional.of(base);
            case INVALID_AUTH_HEADER -> java.util.Optional.of(base + ", error=\"invalid_request\", error_description=\""
                    + quoted(detail) + "\"");
            case INSUFFICIENT_SCOPE -> java.util.Optional.of(base + ", error=\"insufficient_scope\", error_description=\""
                    + quoted(detail) + "\"");
            default -> error.kind() == AuthError.Kind.UNAUTHENTICATED
                    ? java.util.Optional.of(base + ", error=\"invalid_token\", error_description=\"" + quoted(detail) + "\"")
                    : java.util.Optional.empty();
        };
    }

    /** RFC 6750 §3: error_description is %x20-21 / %x23-5B / %x5D-7E, so no quotes or backslashes. */
    private static String quoted(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            out.append(c >= 0x20 && c <= 0x7e && c != '"' && c != '\\' ? c : '\'');
        }
        return out.toString();
    }
}
