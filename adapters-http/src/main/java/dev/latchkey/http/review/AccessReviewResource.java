package dev.latchkey.http.review;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.latchkey.domain.error.RequestRejected;
import dev.latchkey.domain.review.AccessReview;
import dev.latchkey.http.auth.Authenticated;
import dev.latchkey.http.auth.CallerContext;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** {@code GET /internal/auth/access-review?method=&path=}: who reaches one route of the guarded API now. */
@Path("/internal/auth/access-review")
@Produces(MediaType.APPLICATION_JSON)
public final class AccessReviewResource {
    private static final Pattern METHOD = Pattern.compile("[A-Za-z]{1,16}");
    private static final int MAX_PATH = 2048;

    private final AccessReview review;

    public AccessReviewResource(AccessReview review) {
        this.review = review;
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ReachView(
            String kind, String id, String name, String through, List<String> scopes, boolean needsApproval) {}

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record ReviewView(
            String method,
            String path,
            String posture,
            List<String> requiredScopes,
            List<ReachView> principals,
            List<String> notes) {
        static ReviewView of(AccessReview.Review r) {
            return new ReviewView(
                    r.method(),
                    r.path(),
                    r.posture(),
                    r.requiredScopes().asStrings(),
                    r.principals().stream()
                            .map(p -> new ReachView(
                                    p.kind(),
                                    p.id(),
                                    p.name().orElse(null),
                                    p.through(),
                                    p.scopes().asStrings(),
                                    p.needsApproval()))
                            .toList(),
                    r.notes());
        }
    }

    @GET
    @Authenticated(scopes = "audit:read")
    public ReviewView review(
            @QueryParam("method") String method, @QueryParam("path") String path, @Context SecurityContext security) {
        if (method == null || !METHOD.matcher(method).matches()) {
            throw RequestRejected.invalid("method is required: an HTTP method such as GET or DELETE");
        }
        if (path == null || !path.startsWith("/") || path.length() > MAX_PATH) {
            throw RequestRejected.invalid(
                    "path is required: the route's path, starting with /, at most " + MAX_PATH + " characters");
        }
        return ReviewView.of(review.review(CallerContext.principal(security), method.toUpperCase(Locale.ROOT), path));
    }
}
