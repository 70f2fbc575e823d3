package dev.latchkey.http.problem;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Builds problem+json responses for request errors; a refusal ({@code AuthFailure}) is {@link Refusals}'. */
public final class ProblemResponses {
    /** Parsed once: {@code type(String)} would parse the media type on every answer. */
    private static final MediaType PROBLEM_JSON = MediaType.valueOf(Problem.MEDIA_TYPE);

    private ProblemResponses() {}

    public static Response problem(int status, String code, String title, String detail) {
        return Response.status(status)
                .type(PROBLEM_JSON)
                .entity(Problem.of(status, code, title, detail))
                .build();
    }
}
