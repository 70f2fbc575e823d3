package dev.latchkey.http.workloadtoken;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.latchkey.domain.workloadtoken.IssueWorkloadToken;
import dev.latchkey.http.RequestValues;
import dev.latchkey.http.auth.Public;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Workload tokens. */
@Path("/internal/auth/workload-token")
public final class WorkloadTokenResource {
    private final IssueWorkloadToken issue;

    public WorkloadTokenResource(IssueWorkloadToken issue) {
        this.issue = issue;
    }

    /** The workload's own credential and the grant it acts under. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record TokenRequest(String workloadId, String workloadSecret, String grantId) {
        @Override
        public String toString() {
            return "TokenRequest[" + workloadId + ", " + grantId + ", secret=redacted]";
        }
    }

    /** The token response, with the scopes it carries (RFC 6749 §5.1). */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record TokenResponse(String accessToken, String tokenType, long expiresIn, String scope) {}

    /** The workload authenticates with its own credential in the body; no other credential is read. */
    @POST
    @Public
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response token(TokenRequest body) {
        TokenRequest request = RequestValues.requireBody(body);
        IssueWorkloadToken.Issued issued =
                issue.execute(request.workloadId(), request.workloadSecret(), request.grantId());
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        return Response.ok(new TokenResponse(
                        issued.token().value(),
                        "Bearer",
                        issued.token().expiresIn().toSeconds(),
                        issued.scopes().toSpaceSeparated()))
                .cacheControl(noStore)
                .build();
    }
}
