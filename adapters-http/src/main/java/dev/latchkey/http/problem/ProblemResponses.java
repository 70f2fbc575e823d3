package dev.latchkey.http.problem;

import dev.latchkey.domain.error.AuthError;
import dev.latchkey.domain.error.AuthFailure;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/** Builds problem+json responses, with the challenge and retry headers each status calls for. */
public final class ProblemResponses {
    private static final String REALM = "latchkey";

    private ProblemResponses() {
    }

    public static Response problem(int status, String code, String title, String detail) {
        return Response.status(status)
                .type(Problem.MEDIA_TYPE)
                .entity(Problem.of(status, code, title, detail))
                .build();
    }

    public static Response of(AuthFailure failure) {
        AuthError error = failure.error();
        int status = AuthErrorStatus.of(error);
        Response.ResponseBuilder response = Response.status(status)
                .type(Problem.MEDIA_TYPE)
                .entity(Problem.of(status, error.code(), error.title(), failure.detail()));
        challenge(error, failure.detail()).ifPresent(value -> response.header(HttpHeaders.WWW_AUTHENTICATE, value));
        failure.retryAfter().ifPresent(after -> response.header(HttpHeaders.RETRY_AFTER,
                Long.toString(Math.max(1, after.toSeconds()))));
        if (status == 503 && failure.retryAfter().isEmpty()) {
            response.header(HttpHeaders.RETRY_AFTER, "5");
        }
        return response.build();
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
