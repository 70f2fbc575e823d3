package dev.latchkey.http.problem;

import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;

/** The RFC 6749 §5.2 shape of a failure the mappers answer at an {@link OAuthErrorFormat} resource. */
public final class OAuthErrorBodies {
    private OAuthErrorBodies() {}

    /** Whether the matched resource answers in the OAuth shape (false when none matched). */
    static boolean wanted(ResourceInfo resource) {
        try {
            Class<?> type = resource == null ? null : resource.getResourceClass();
            return type != null && type.isAnnotationPresent(OAuthErrorFormat.class);
        } catch (IllegalStateException outsideARequest) {
            return false;
        }
    }

    /** A 503 {@code temporarily_unavailable}, to be tried again in 5 seconds. */
    public static Response temporarilyUnavailable(String description) {
        return of(503, "temporarily_unavailable", description)
                .header(HttpHeaders.RETRY_AFTER, "5")
                .build();
    }

    /** {@code {"error", "error_description"}} with {@code no-store}, as OAuth clients expect. */
    public static Response.ResponseBuilder of(int status, String error, String description) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("error", error);
        body.put("error_description", description);
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .cacheControl(CacheControl.valueOf("no-store"))
                .header("Pragma", "no-cache")
                .entity(body);
    }
}
