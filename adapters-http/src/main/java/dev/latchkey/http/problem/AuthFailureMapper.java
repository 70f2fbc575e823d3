package dev.latchkey.http.problem;

import dev.latchkey.domain.error.AuthError;
import dev.latchkey.domain.error.AuthFailure;
import dev.latchkey.http.RequestPaths;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.Optional;

/**
 * A refusal as {@link Refusals} renders it, for the path it was made on; at an OAuth endpoint
 * ({@link OAuthErrorFormat}) an unreachable dependency is {@code temporarily_unavailable} in the
 * RFC 6749 shape instead.
 */
public final class AuthFailureMapper implements ExceptionMapper<AuthFailure> {
    private final Refusals refusals;

    @Context
    private ResourceInfo resource;

    @Context
    private UriInfo uri;

    public AuthFailureMapper(Refusals refusals) {
        this.refusals = refusals;
    }

    @Override
    public Response toResponse(AuthFailure failure) {
        if (failure.error() == AuthError.IDENTITY_PROVIDER_UNAVAILABLE && OAuthErrorBodies.wanted(resource)) {
            return OAuthErrorBodies.temporarilyUnavailable(failure.getMessage());
        }
        return refusals.response(failure, Optional.empty(), RequestPaths.of(uri));
    }
}
