package dev.latchkey.domain.error;

import dev.latchkey.domain.scope.ScopeSet;
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
    private final transient ScopeSet scopesToRequest;
    private final transient ApprovalReference approval;

    /**
     * The approval request an {@code approval_required} refusal is about, and where it stands
     * ({@code pending}, {@code approved}, {@code rejected}, {@code expired}, {@code used}), and why
     * the approval the request presented did not let it through ({@code refusal}: {@code
     * not_presented}, {@code unknown}, {@code other_action}, {@code still_pending}, {@code rejected},
     * {@code expired}, {@code used}): what a workload needs to follow it without reading prose.
     */
    public record ApprovalReference(String id, String status, String refusal) {
        public ApprovalReference {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(refusal, "refusal");
        }
    }

    public AuthFailure(AuthError error, String detail) {
        this(error, detail, null);
    }

    public AuthFailure(AuthError error, String detail, Duration retryAfter) {
        this(error, detail, retryAfter, ScopeSet.EMPTY);
    }

    private AuthFailure(
            AuthError error, String detail, Duration retryAfter, ScopeSet scopesToRequest, ApprovalReference approval) {
        super(Objects.requireNonNull(detail, "detail"), null, false, false);
        this.error = Objects.requireNonNull(error, "error");
        this.retryAfter = retryAfter;
        this.scopesToRequest = Objects.requireNonNull(scopesToRequest, "scopesToRequest");
        this.approval = approval;
    }

    private AuthFailure(AuthError error, String detail, Duration retryAfter, ScopeSet scopesToRequest) {
        this(error, detail, retryAfter, scopesToRequest, null);
    }

    /** An {@code approval_required} refusal about one approval request. */
    public static AuthFailure approvalRequired(String detail, ApprovalReference approval) {
        return new AuthFailure(
                AuthError.APPROVAL_REQUIRED,
                detail,
                null,
                ScopeSet.EMPTY,
                Objects.requireNonNull(approval, "approval"));
    }

    /** The approval request this refusal is about, for {@code approval_required}. */
    public Optional<ApprovalReference> approval() {
        return Optional.ofNullable(approval);
    }

    /**
     * The same refusal, naming the scopes a client should ask for to be let in (the {@code scope}
     * of an RFC 6750 §3 challenge).
     */
    public AuthFailure requesting(ScopeSet scopes) {
        return scopes.equals(scopesToRequest)
                ? this
                : new AuthFailure(error, getMessage(), retryAfter, scopes, approval);
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

    /** What a client should ask for to be let in; empty when nothing it could ask for would help. */
    public ScopeSet scopesToRequest() {
        return scopesToRequest;
    }

    /** For throttling failures: when the caller may try again. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
