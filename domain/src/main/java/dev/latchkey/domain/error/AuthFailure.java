package dev.latchkey.domain.error;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Thrown when a request cannot be authenticated or authorized. Carries exactly one
 * {@link AuthError} and a detail safe to show the caller (never a secret).
 *
 * <p>It records no stack trace: it is an expected outcome on the hot path, not a bug.
 */
public final class AuthFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final AuthError error;
    private final transient Duration retryAfter;

    public AuthFailure(AuthError error, String detail) {
        this(error, detail, null);
    }

    public AuthFailure(AuthError error, String detail, Duration retryAfter) {
        super(Objects.requireNonNull(detail, "detail"), null, false, false);
        this.error = Objects.requireNonNull(error, "error");
        this.retryAfter = retryAfter;
    }

    public static AuthFailure of(AuthError error) {
        return new AuthFailure(error, error.title());
    }

    public AuthError error() {
        return error;
    }

    public String detail() {
        return getMessage();
    }

    /** For throttling failures: when the caller may try again. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
