package dev.latchkey.http.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.latchkey.domain.common.BoundedCache;
import dev.latchkey.domain.common.Caches;
import dev.latchkey.domain.error.AuthError;
import dev.latchkey.domain.error.AuthFailure;
import dev.latchkey.domain.oauth.ProtectedResources;
import dev.latchkey.domain.scope.ScopeSet;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The one renderer of a refusal, for the exception mapper and the forward-auth fast path alike:
 * problem+json with the status from {@link ErrorStatus}, the RFC 6750 §3 Bearer challenge (with,
 * when Latchkey is an OAuth server, the protected resource's metadata URL and the scopes to ask
 * for, RFC 9728 §5.1) and {@code Retry-After}. Each distinct refusal is rendered once: a flood of
 * bad credentials repeats a handful of them.
 */
public final class Refusals {
    private static final String REALM = "latchkey";
    /** The approval request an {@code approval_required} refusal names, for a workload to follow. */
    public static final String APPROVAL_ID_HEADER = "X-Latchkey-Approval-Id";
    /** Parsed once: {@code type(String)} would parse the media type on every refusal. */
    private static final MediaType PROBLEM_JSON = MediaType.valueOf(Problem.MEDIA_TYPE);

    private static final ObjectWriter PROBLEM_WRITER = new ObjectMapper().writerFor(Problem.class);

    private final Optional<ProtectedResources> resources;
    private final java.util.function.Predicate<String> publishesMetadata;
    private final BoundedCache<Key, Rendered> rendered;

    /** What makes two refusals render alike. */
    private record Key(
            AuthError error,
            String detail,
            Optional<Long> retryAfterSeconds,
            Optional<String> resource,
            ScopeSet scopes,
            Optional<AuthFailure.ApprovalReference> approval) {}

    /** A refusal as it goes on the wire. */
    private record Rendered(int status, Map<String, String> headers, byte[] body) {}

    /** @param resources when Latchkey is an OAuth server: challenges name the resource's metadata */
    public Refusals(Optional<ProtectedResources> resources, Caches caches) {
        this(resources, resource -> true, caches);
    }

    /**
     * @param publishesMetadata which of the resources have a metadata document here: with AuthKit as
     *     an MCP server's authorization server, only that server's; the rest of the API has none
     */
    public Refusals(
            Optional<ProtectedResources> resources,
            java.util.function.Predicate<String> publishesMetadata,
            Caches caches) {
        this.resources = resources;
        this.publishesMetadata = publishesMetadata;
        // Bounded: a refusal's detail can carry text the caller chose.
        this.rendered = caches.bounded("refusals", 1_000, Optional.empty());
    }

    /** The refusal of a request for {@code path} on {@code host} (as a trusted proxy reported it, if it did). */
    public Response response(AuthFailure failure, Optional<String> host, String path) {
        Rendered refusal = renderedOnce(keyOf(failure, host, path));
        Response.ResponseBuilder response =
                Response.status(refusal.status()).type(PROBLEM_JSON).entity(refusal.body());
        refusal.headers().forEach(response::header);
        return response.build();
    }

    /**
     * The same refusal as {@link #response}, written straight onto the servlet response: for the
     * endpoints served outside JAX-RS ({@code /authz/check}), where a refusal is a common answer.
     */
    public void write(HttpServletResponse servletResponse, AuthFailure failure, Optional<String> host, String path)
            throws IOException {
        Rendered refusal = renderedOnce(keyOf(failure, host, path));
        servletResponse.setStatus(refusal.status());
        servletResponse.setContentType(Problem.MEDIA_TYPE);
        refusal.headers().forEach(servletResponse::setHeader);
        servletResponse.setContentLength(refusal.body().length);
        servletResponse.getOutputStream().write(refusal.body());
    }

    private Rendered renderedOnce(Key key) {
        Optional<Rendered> known = rendered.get(key);
        if (known.isPresent()) {
            return known.get();
        }
        Rendered fresh = render(key);
        rendered.put(key, fresh);
        return fresh;
    }

    private Key keyOf(AuthFailure failure, Optional<String> host, String path) {
        Optional<String> resource = challenged(failure.error())
                ? resources.flatMap(known -> known.forRequest(host, path)).filter(publishesMetadata)
                : Optional.empty();
        return new Key(
                failure.error(),
                failure.detail(),
                failure.retryAfter().map(after -> Math.max(1, after.toSeconds())),
                resource,
                resource.isPresent() ? failure.scopesToRequest() : ScopeSet.EMPTY,
                failure.approval());
    }

    private static Rendered render(Key key) {
        int status = ErrorStatus.of(key.error());
        Map<String, String> headers = new LinkedHashMap<>(4);
        challenge(key.error(), key.detail())
                .map(challenge -> key.resource()
                        .map(resource -> extended(challenge, resource, key.scopes()))
                        .orElse(challenge))
                .ifPresent(challenge -> headers.put(HttpHeaders.WWW_AUTHENTICATE, challenge));
        key.retryAfterSeconds().ifPresent(seconds -> headers.put(HttpHeaders.RETRY_AFTER, Long.toString(seconds)));
        if (status == 503 && key.retryAfterSeconds().isEmpty()) {
            headers.put(HttpHeaders.RETRY_AFTER, "5");
        }
        key.approval().ifPresent(approval -> headers.put(APPROVAL_ID_HEADER, approval.id()));
        try {
            byte[] body = PROBLEM_WRITER.writeValueAsBytes(key.approval()
                    .map(approval -> Problem.ofApproval(
                            status, key.error().code(), key.error().title(), key.detail(), approval))
                    .orElseGet(() ->
                            Problem.of(status, key.error().code(), key.error().title(), key.detail())));
            return new Rendered(status, Map.copyOf(headers), body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A problem document could not be rendered", e);
        }
    }

    /**
     * The RFC 6750 §3 challenge: no error attribute when no credential was sent (§3.1 says the
     * server SHOULD NOT), {@code invalid_request} for a malformed header, {@code invalid_token}
     * for a credential that proves nothing, {@code insufficient_scope} on a scope denial; none for a
     * refusal that no credential could change.
     */
    static Optional<String> challenge(AuthError error, String detail) {
        String base = "Bearer realm=\"" + REALM + "\"";
        return switch (error) {
            case MISSING_AUTH -> Optional.of(base);
            case INVALID_AUTH_HEADER ->
                Optional.of(base + ", error=\"invalid_request\", error_description=\"" + quoted(detail) + "\"");
            case INSUFFICIENT_SCOPE ->
                Optional.of(base + ", error=\"insufficient_scope\", error_description=\"" + quoted(detail) + "\"");
            default ->
                error.kind() == AuthError.Kind.UNAUTHENTICATED
                        ? Optional.of(base + ", error=\"invalid_token\", error_description=\"" + quoted(detail) + "\"")
                        : Optional.empty();
        };
    }

    /** Whether a refusal with this code carries a Bearer challenge (as {@link #challenge} words it). */
    static boolean challenged(AuthError error) {
        return error == AuthError.MISSING_AUTH
                || error == AuthError.INVALID_AUTH_HEADER
                || error == AuthError.INSUFFICIENT_SCOPE
                || error.kind() == AuthError.Kind.UNAUTHENTICATED;
    }

    /** A challenge with {@code resource_metadata} for {@code resource} and the {@code scope} to ask for, if any. */
    private static String extended(String challenge, String resource, ScopeSet scopes) {
        StringBuilder extended = new StringBuilder(challenge)
                .append(", resource_metadata=\"")
                .append(ProtectedResources.metadataOf(resource))
                .append('"');
        if (!scopes.isEmpty()) {
            extended.append(", scope=\"").append(scopes.toSpaceSeparated()).append('"');
        }
        return extended.toString();
    }

    /** RFC 6750 §3: error_description is %x20-21 / %x23-5B / %x5D-7E, so no quotes or backslashes. */
    private static String quoted(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            out.append(c >= 0x20 && c <= 0x7e && c != '"' && c != '\\' ? c : '\'');
        }
        return out.toString();
    }
}
