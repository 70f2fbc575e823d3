package dev.latchkey.http.problem;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.domain.error.AuthError;
import dev.latchkey.domain.error.AuthFailure;
import dev.latchkey.domain.error.RequestError;
import dev.latchkey.domain.oauth.OAuthError;
import dev.latchkey.domain.testing.InMemoryCaches;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Every code of every family, with its status, pinned by hand: codes and statuses are API. */
class ErrorStatusTest {
    private static final Refusals NO_OAUTH = new Refusals(Optional.empty(), new InMemoryCaches());

    @Test
    void everyRequestErrorHasItsStatusAndCode() {
        Map<String, Integer> pinned = Map.of("not_found", 404, "invalid_request", 400, "conflict", 409);
        Map<String, Integer> actual = new java.util.HashMap<>();
        for (RequestError error : RequestError.values()) {
            actual.put(error.code(), ErrorStatus.of(error));
        }
        assertThat(actual).isEqualTo(pinned);
    }

    @Test
    void everyOAuthErrorHasItsStatusAndCode() {
        Map<String, Integer> pinned = Map.ofEntries(
                Map.entry("invalid_request", 400),
                Map.entry("invalid_client", 401),
                Map.entry("invalid_grant", 400),
                Map.entry("unauthorized_client", 400),
                Map.entry("unsupported_grant_type", 400),
                Map.entry("unsupported_response_type", 400),
                Map.entry("invalid_scope", 400),
                Map.entry("invalid_target", 400),
                Map.entry("access_denied", 400),
                Map.entry("invalid_redirect_uri", 400),
                Map.entry("invalid_client_metadata", 400),
                Map.entry("unsupported_token_type", 400),
                Map.entry("temporarily_unavailable", 503));
        Map<String, Integer> actual = new java.util.HashMap<>();
        for (OAuthError error : OAuthError.values()) {
            actual.put(error.code(), ErrorStatus.of(error, false));
        }
        assertThat(actual).isEqualTo(pinned);
        assertThat(ErrorStatus.of(OAuthError.TEMPORARILY_UNAVAILABLE, true))
                .as("throttled: told when to retry")
                .isEqualTo(429);
    }

    @Test
    void theHttpLayersOwnCodesArePinned() throws IllegalAccessException {
        Map<String, String> pinned = Map.of(
                "NOT_FOUND",
                "not_found",
                "METHOD_NOT_ALLOWED",
                "method_not_allowed",
                "INVALID_REQUEST",
                "invalid_request",
                "UNSUPPORTED_MEDIA_TYPE",
                "unsupported_media_type",
                "NOT_ACCEPTABLE",
                "not_acceptable",
                "SERVICE_UNAVAILABLE",
                "service_unavailable",
                "INTERNAL_ERROR",
                "internal_error");
        Map<String, String> actual = new java.util.HashMap<>();
        for (java.lang.reflect.Field field : HttpErrorCodes.class.getFields()) {
            actual.put(field.getName(), (String) field.get(null));
        }
        assertThat(actual).isEqualTo(pinned);
    }

    /** DESIGN.md's error table, by hand: status is API as much as the code is. */
    @Test
    void everyErrorHasItsDocumentedStatus() {
        Map<AuthError, Integer> documented = new EnumMap<>(AuthError.class);
        documented.put(AuthError.MISSING_AUTH, 401);
        documented.put(AuthError.INVALID_AUTH_HEADER, 401);
        documented.put(AuthError.INVALID_API_KEY, 401);
        documented.put(AuthError.INVALID_JWT, 401);
        documented.put(AuthError.INVALID_OAUTH_TOKEN, 401);
        documented.put(AuthError.TOKEN_REVOKED, 401);
        documented.put(AuthError.WORKSPACE_NOT_FOUND, 401);
        documented.put(AuthError.INVALID_CREDENTIALS, 401);
        documented.put(AuthError.ACTOR_NOT_MAPPED, 403);
        documented.put(AuthError.NO_WORKSPACE, 403);
        documented.put(AuthError.INSUFFICIENT_SCOPE, 403);
        documented.put(AuthError.APPROVAL_REQUIRED, 403);
        documented.put(AuthError.WORKLOAD_DISABLED, 403);
        documented.put(AuthError.TENANT_CONTEXT_REQUIRED, 403);
        documented.put(AuthError.OWNER_SCOPE_MISMATCH, 403);
        documented.put(AuthError.API_KEY_MANAGEMENT_RETIRED, 410);
        documented.put(AuthError.ROUTE_RETIRED, 410);
        documented.put(AuthError.RATE_LIMITED, 429);
        documented.put(AuthError.USAGE_CAP_EXCEEDED, 429);
        documented.put(AuthError.IDENTITY_PROVIDER_UNAVAILABLE, 503);

        Map<AuthError, Integer> actual = new EnumMap<>(AuthError.class);
        for (AuthError error : AuthError.values()) {
            actual.put(error, ErrorStatus.of(error));
        }

        assertThat(actual).isEqualTo(documented);
    }

    @Test
    void challengesFollowRfc6750() {
        assertThat(Refusals.challenge(AuthError.MISSING_AUTH, "x")).contains("Bearer realm=\"latchkey\"");
        assertThat(Refusals.challenge(AuthError.INVALID_API_KEY, "bad \"key\""))
                .get()
                .asString()
                .contains("error=\"invalid_token\"")
                .contains("error_description=\"bad 'key'\"");
        assertThat(Refusals.challenge(AuthError.INSUFFICIENT_SCOPE, "x"))
                .get()
                .asString()
                .contains("error=\"insufficient_scope\"");
        assertThat(Refusals.challenge(AuthError.API_KEY_MANAGEMENT_RETIRED, "x"))
                .isEmpty();
    }

    @Test
    void theQuickCheckForAChallengeAgreesWithTheChallengeForEveryCode() {
        for (AuthError error : AuthError.values()) {
            assertThat(Refusals.challenged(error))
                    .as(error.code())
                    .isEqualTo(Refusals.challenge(error, "x").isPresent());
        }
    }

    @Test
    void throttlingAndOutagesTellTheCallerWhenToRetry() {
        Response limited = NO_OAUTH.response(
                new AuthFailure(AuthError.RATE_LIMITED, "slow down", Duration.ofSeconds(7)),
                Optional.empty(),
                "/api-keys");
        Response down = NO_OAUTH.response(
                AuthFailure.of(AuthError.IDENTITY_PROVIDER_UNAVAILABLE), Optional.empty(), "/api-keys");

        assertThat(limited.getStatus()).isEqualTo(429);
        assertThat(limited.getHeaderString("Retry-After")).isEqualTo("7");
        assertThat(down.getStatus()).isEqualTo(503);
        assertThat(down.getHeaderString("Retry-After")).isNotNull();
        assertThat(down.getHeaderString("WWW-Authenticate")).isNull();
    }
}
