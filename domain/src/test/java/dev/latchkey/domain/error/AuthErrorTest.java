package dev.latchkey.domain.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class AuthErrorTest {

    /** The wire codes are API: changing one breaks clients, so each is pinned here by hand. */
    @Test
    void everyWireCodeIsPinned() {
        Map<AuthError, String> pinned = Map.ofEntries(
                Map.entry(AuthError.MISSING_AUTH, "missing_auth"),
                Map.entry(AuthError.INVALID_AUTH_HEADER, "invalid_auth_header"),
                Map.entry(AuthError.INVALID_API_KEY, "invalid_api_key"),
                Map.entry(AuthError.INVALID_JWT, "invalid_jwt"),
                Map.entry(AuthError.INVALID_OAUTH_TOKEN, "invalid_oauth_token"),
                Map.entry(AuthError.TOKEN_REVOKED, "token_revoked"),
                Map.entry(AuthError.WORKSPACE_NOT_FOUND, "workspace_not_found"),
                Map.entry(AuthError.INVALID_CREDENTIALS, "invalid_credentials"),
                Map.entry(AuthError.ACTOR_NOT_MAPPED, "actor_not_mapped"),
                Map.entry(AuthError.NO_WORKSPACE, "no_workspace"),
                Map.entry(AuthError.INSUFFICIENT_SCOPE, "insufficient_scope"),
                Map.entry(AuthError.APPROVAL_REQUIRED, "approval_required"),
                Map.entry(AuthError.WORKLOAD_DISABLED, "workload_disabled"),
                Map.entry(AuthError.TENANT_CONTEXT_REQUIRED, "tenant_context_required"),
                Map.entry(AuthError.OWNER_SCOPE_MISMATCH, "owner_scope_mismatch"),
                Map.entry(AuthError.API_KEY_MANAGEMENT_RETIRED, "api_key_management_retired"),
                Map.entry(AuthError.ROUTE_RETIRED, "route_retired"),
                Map.entry(AuthError.RATE_LIMITED, "rate_limited"),
                Map.entry(AuthError.USAGE_CAP_EXCEEDED, "usage_cap_exceeded"),
                Map.entry(AuthError.IDENTITY_PROVIDER_UNAVAILABLE, "identity_provider_unavailable"));

        Map<AuthError, String> actual =
                Arrays.stream(AuthError.values()).collect(Collectors.toMap(e -> e, AuthError::code));

        assertThat(actual).isEqualTo(pinned);
    }

    @Test
    void requestErrorCodesArePinned() {
        assertThat(RequestError.NOT_FOUND.code()).isEqualTo("not_found");
        assertThat(RequestError.INVALID_REQUEST.code()).isEqualTo("invalid_request");
        assertThat(RequestError.CONFLICT.code()).isEqualTo("conflict");
        assertThat(RequestError.values()).hasSize(3);
    }

    @Test
    void authFailureCarriesNoStackTraceBecauseItIsAnExpectedOutcome() {
        AuthFailure failure = new AuthFailure(AuthError.INVALID_API_KEY, "nope");

        assertThat(failure.getStackTrace()).isEmpty();
        assertThat(failure.detail()).isEqualTo("nope");
    }
}
