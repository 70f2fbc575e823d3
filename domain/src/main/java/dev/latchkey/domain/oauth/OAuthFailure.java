package dev.latchkey.domain.oauth;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * An OAuth request refused with one {@link OAuthError} and a description safe to show the client.
 * At the authorization endpoint a failure either goes back to the client's redirect URI (once that
 * URI is trusted) or is shown to the user: {@link #redirectTo()} says which.
 */
public final class OAuthFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Where an authorization error is sent: the trusted redirect URI and the request's state. */
    public record Redirect(String redirectUri, Optional<String> state) {
        public Redirect {
            Objects.requireNonNull(redirectUri, "redirectUri");
            Objects.requireNonNull(state, "state");
        }
    }

    private final OAuthError error;
    private final transient Redirect redirect;
    private final transient Duration retryAfter;

    public OAuthFailure(OAuthError error, String description) {
        this(error, description, null, null);
    }

    private OAuthFailure(OAuthError error, String description, Redirect redirect, Duration retryAfter) {
        super(Objects.requireNonNull(description, "description"), null, false, false);
        this.error = Objects.requireNonNull(error, "error");
        this.redirect = redirect;
        this.retryAfter = retryAfter;
    }

    /** A failure the authorization endpoint reports to the client through its redirect URI. */
    public static OAuthFailure redirected(OAuthError error, String description, Redirect to) {
        return new OAuthFailure(error, description, Objects.requireNonNull(to, "to"), null);
    }

    /** A throttled request and when the caller may try again. */
    public static OAuthFailure throttled(String description, Duration retryAfter) {
        return new OAuthFailure(OAuthError.TEMPORARILY_UNAVAILABLE, description, null, retryAfter);
    }

    public OAuthError error() {
        return error;
    }

    public String description() {
        return getMessage();
    }

    public Optional<Redirect> redirectTo() {
        return Optional.ofNullable(redirect);
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
