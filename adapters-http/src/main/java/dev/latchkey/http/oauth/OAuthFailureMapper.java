package dev.latchkey.http.oauth;

import dev.latchkey.domain.oauth.OAuthFailure;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/** OAuth failures that escape a resource answer in RFC 6749 §5.2 form. */
public final class OAuthFailureMapper implements ExceptionMapper<OAuthFailure> {
    @Override
    public Response toResponse(OAuthFailure failure) {
        return OAuthResponses.error(failure, false);
    }
}
