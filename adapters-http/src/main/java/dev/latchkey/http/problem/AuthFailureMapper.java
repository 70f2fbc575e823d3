package dev.latchkey.http.problem;

import dev.latchkey.domain.error.AuthError;
import dev.latchkey.domain.error.AuthFailure;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/**
 * A refusal as problem+json; at an OAuth endpoint ({@link OAuthErrorFormat}) an unreachable
 * dependency is {@code temporarily_unavailable} in the RFC 6749 shape instead.
 */
public final class AuthFailureMapper implements ExceptionMapper<AuthFailure> {
    @jakarta.ws.rs.core.Context
    private jakarta.ws.rs.container.ResourceInfo resource;

    @Override
    public Response toResponse(AuthFailure failure) {
        if (failure.error() == AuthError.IDENTITY_PROVIDER_UNAVAILABLE && OAuthErrorBodies.wanted(resource)) {
            return OAuthErrorBodies.of(503, "temporarily_unavailable", failure.getMessage())
                    .header(jakarta.ws.rs.core.HttpHeaders.RETRY_AFTER, "5").build();
        }
        return ProblemResponses.of(failure);
    }
}
