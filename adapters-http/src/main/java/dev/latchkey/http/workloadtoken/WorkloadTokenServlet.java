package dev.latchkey.http.workloadtoken;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.latchkey.domain.error.AuthFailure;
import dev.latchkey.domain.error.RequestRejected;
import dev.latchkey.domain.workloadtoken.IssueWorkloadToken;
import dev.latchkey.http.RequestBodies;
import dev.latchkey.http.RequestValues;
import dev.latchkey.http.ServletAnswers;
import dev.latchkey.http.openapi.ServletRoute;
import dev.latchkey.http.problem.JsonBodyExceptionMapper;
import dev.latchkey.http.problem.Refusals;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * {@code POST /internal/auth/workload-token}: a workload authenticates with its own credential in
 * the body (no other credential is read) and names the grant it acts under. A plain servlet, not a
 * JAX-RS resource: machines ask for tokens all the time, and Jersey's pipeline was a seventh of a
 * token's cost, the RS256 signature most of the rest (docs/performance.md). Errors answer as the
 * JAX-RS endpoints' do.
 */
public final class WorkloadTokenServlet extends HttpServlet {
    public static final String PATH = "/internal/auth/workload-token";

    /** For the OpenAPI document. */
    public static final List<ServletRoute> ROUTES = List.of(new ServletRoute(
            PATH,
            List.of("POST"),
            "WorkloadToken",
            List.of(MediaType.APPLICATION_JSON),
            List.of(MediaType.APPLICATION_JSON)));

    private static final JsonBodyExceptionMapper NOT_OUR_JSON = new JsonBodyExceptionMapper();

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

    private final transient IssueWorkloadToken issue;
    private final transient ObjectReader requests;
    private final transient Refusals refusals;

    /** @param json the application's object mapper, so a body is read as every JSON endpoint reads one */
    public WorkloadTokenServlet(IssueWorkloadToken issue, ObjectMapper json, Refusals refusals) {
        this.issue = issue;
        this.requests = json.readerFor(TokenRequest.class);
        this.refusals = refusals;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            if (ServletAnswers.refusedUnlessPosted(request, response, MediaType.APPLICATION_JSON)) {
                return;
            }
            byte[] body = RequestBodies.read(request)
                    .orElseThrow(() -> RequestRejected.invalid(
                            "The request body is longer than " + RequestBodies.LIMIT + " bytes"));
            TokenRequest token;
            try {
                token = RequestValues.requireBody(body.length == 0 ? null : requests.readValue(body));
            } catch (JsonProcessingException notOurs) {
                ServletAnswers.write(response, NOT_OUR_JSON.toResponse(notOurs));
                return;
            }
            IssueWorkloadToken.Issued issued =
                    issue.execute(token.workloadId(), token.workloadSecret(), token.grantId());
            response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
            ServletAnswers.json(
                    response,
                    200,
                    new TokenResponse(
                            issued.token().value(),
                            "Bearer",
                            issued.token().expiresIn().toSeconds(),
                            issued.scopes().toSpaceSeparated()));
        } catch (AuthFailure failure) {
            refusals.write(response, failure, Optional.empty(), PATH);
        } catch (RuntimeException failure) {
            ServletAnswers.failure(response, failure, false);
        }
    }
}
