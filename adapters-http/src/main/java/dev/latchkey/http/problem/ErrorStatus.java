package dev.latchkey.http.problem;

import dev.latchkey.domain.error.AuthError;
import dev.latchkey.domain.error.RequestError;
import dev.latchkey.domain.oauth.OAuthError;

/**
 * The one place that decides which HTTP status each failure is, for every family of codes: auth
 * failures, request failures, and the OAuth endpoints' errors. {@code ErrorStatusTest} pins every
 * code of every family.
 */
public final class ErrorStatus {

    private ErrorStatus() {}

    public static int of(AuthError error) {
        return switch (error.kind()) {
            case UNAUTHENTICATED -> 401;
            case FORBIDDEN -> 403;
            case RETIRED -> 410;
            case THROTTLED -> 429;
            case UNAVAILABLE -> 503;
        };
    }

    public static int of(RequestError error) {
        return switch (error) {
            case NOT_FOUND -> 404;
            case INVALID_REQUEST -> 400;
            case CONFLICT -> 409;
        };
    }

    /**
     * RFC 6749 §5.2: 400, except {@code invalid_client} (401) and {@code temporarily_unavailable},
     * which is 429 when the client is being throttled (it is told when to retry) and 503 when a
     * dependency of ours is down.
     */
    public static int of(OAuthError error, boolean throttled) {
        return switch (error) {
            case INVALID_CLIENT -> 401;
            case TEMPORARILY_UNAVAILABLE -> throttled ? 429 : 503;
            default -> 400;
        };
    }
}
