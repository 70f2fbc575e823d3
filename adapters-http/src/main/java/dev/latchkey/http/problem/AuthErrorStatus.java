package dev.latchkey.http.problem;

import dev.latchkey.domain.error.AuthError;

/** The one place that decides which HTTP status each kind of auth failure is. */
public final class AuthErrorStatus {

    private AuthErrorStatus() {
    }

    public static int of(AuthError error) {
        return switch (error.kind()) {
            case UNAUTHENTICATED -> 401;
            case FORBIDDEN -> 403;
            case RETIRED -> 410;
            case THROTTLED -> 429;
            case UNAVAILABLE -> 503;
        };
    }
}
