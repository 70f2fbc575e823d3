package dev.latchkey.http.oauth;

import dev.latchkey.domain.oauth.OAuthError;
import dev.latchkey.domain.oauth.OAuthFailure;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The JSON answers of the OAuth endpoints: RFC 6749 §5.2 error objects (not problem+json: OAuth
 * clients parse {@code error}), never cached, and never carrying a null field — the MCP SDK's
 * schema rejects nulls.
 */
final class OAuthResponses {
    static final CacheControl NO_STORE = CacheControl.valueOf("no-store");

    private OAuthResponses() {
    }

    static Response json(int status, Object body) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).cacheControl(NO_STORE)
                .header("Pragma", "no-cache").entity(body).build();
    }

    /** {@code invalid_client} is a 401 (with a Basic challenge when the client tried Basic), throttling a 429. */
    static Response error(OAuthFailure failure, boolean clientUsedBasic) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("error", failure.error().code());
        body.put("error_description", failure.description());
        int status = switch (failure.error()) {
            case INVALID_CLIENT -> 401;
            case TEMPORARILY_UNAVAILABLE -> failure.retryAfter().isPresent() ? 429 : 503;
            default -> 400;
        };
        Response.ResponseBuilder response = Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .cacheControl(NO_STORE).header("Pragma", "no-cache").entity(body);
        if (failure.error() == OAuthError.INVALID_CLIENT && clientUsedBasic) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"latchkey\"");
        }
        failure.retryAfter().ifPresent(wait -> response.header(HttpHeaders.RETRY_AFTER,
                Long.toString(Math.max(1, wait.toSeconds()))));
        if (status == 503) {
            response.header(HttpHeaders.RETRY_AFTER, "5");
        }
        return response.build();
    }
}
