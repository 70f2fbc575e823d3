package dev.latchkey.http.oauth;

import dev.latchkey.domain.oauth.OAuthError;
import dev.latchkey.domain.oauth.OAuthFailure;
import dev.latchkey.http.RequestBodies;
import dev.latchkey.http.problem.ErrorStatus;
import dev.latchkey.http.problem.OAuthErrorBodies;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.io.IOException;

/**
 * The JSON answers of the OAuth endpoints: RFC 6749 §5.2 error objects (not problem+json: OAuth
 * clients parse {@code error}), never cached, and never carrying a null field — the MCP SDK's
 * schema rejects nulls.
 */
final class OAuthResponses {
    static final CacheControl NO_STORE = CacheControl.valueOf("no-store");

    private OAuthResponses() {}

    static Response json(int status, Object body) {
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .cacheControl(NO_STORE)
                .header("Pragma", "no-cache")
                .entity(body)
                .build();
    }

    /** A servlet's success answer, never cached, as {@link #json} makes a resource's. */
    static void noStore(HttpServletResponse response) {
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        response.setHeader("Pragma", "no-cache");
    }

    /**
     * The form an OAuth endpoint's body must be (at most {@link RequestBodies#LIMIT} bytes, its
     * %-escapes well-formed), read once.
     *
     * @throws OAuthFailure {@code invalid_request} when it is not
     */
    static MultivaluedMap<String, String> form(HttpServletRequest request) throws IOException {
        return RequestBodies.read(request)
                .flatMap(RequestBodies::form)
                .orElseThrow(() -> new OAuthFailure(
                        OAuthError.INVALID_REQUEST,
                        "The body must be a form of at most " + RequestBodies.LIMIT
                                + " bytes, its %-escapes well-formed"));
    }

    /** Whether the client authenticates with {@code Authorization: Basic} (its refusal then carries a Basic challenge). */
    static boolean usesBasic(String authorization) {
        return authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6);
    }

    /** {@code invalid_client} is a 401 (with a Basic challenge when the client tried Basic), throttling a 429. */
    static Response error(OAuthFailure failure, boolean clientUsedBasic) {
        int status = ErrorStatus.of(failure.error(), failure.retryAfter().isPresent());
        Response.ResponseBuilder response =
                OAuthErrorBodies.of(status, failure.error().code(), failure.description());
        if (failure.error() == OAuthError.INVALID_CLIENT && clientUsedBasic) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"latchkey\"");
        }
        failure.retryAfter()
                .ifPresent(
                        wait -> response.header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, wait.toSeconds()))));
        if (status == 503) {
            response.header(HttpHeaders.RETRY_AFTER, "5");
        }
        return response.build();
    }
}
