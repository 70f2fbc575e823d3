package dev.latchkey.http.problem;

import dev.latchkey.domain.error.AuthFailure;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

public final class AuthFailureMapper implements ExceptionMapper<AuthFailure> {
    @Override
    public Response toResponse(AuthFailure failure) {
        return ProblemResponses.of(failure);
    }
}
