package dev.latchkey.domain.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.latchkey.domain.actor.Actor;
import dev.latchkey.domain.actor.ActorKind;
import dev.latchkey.domain.actor.ActorStatus;
import dev.latchkey.domain.error.AuthError;
import dev.latchkey.domain.error.AuthFailure;
import dev.latchkey.domain.scope.ScopeSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AuthenticateRequestTest {

    private static Principal principal(ActorStatus status, ScopeSet scopes) {
        Actor actor = new Actor("actor_1", ActorKind.AGENT, status, Optional.of("ws_1"), "member", Set.of());
        return new Principal(actor, Optional.of("ws_1"), CredentialKind.API_KEY, scopes, "key_1", Optional.empty());
    }

    private static CredentialVerifier verifierFor(String prefix, Principal result) {
        return new CredentialVerifier() {
            @Override
            public CredentialKind kind() {
                return CredentialKind.API_KEY;
            }

            @Override
            public boolean recognises(PresentedCredential credential) {
                return credential.value().startsWith(prefix);
            }

            @Override
            public Principal verify(PresentedCredential credential) {
                return result;
            }
        };
    }

    private static void assertFails(AuthError error, Runnable call) {
        assertThatThrownBy(call::run)
                .isInstanceOfSatisfying(
                        AuthFailure.class, f -> assertThat(f.error()).isEqualTo(error));
    }

    @Test
    void authenticateWhenNothingPresentedThenMissingAuth() {
        AuthenticateRequest authenticate = new AuthenticateRequest(List.of(), AuthenticationListener.NONE);

        assertFails(AuthError.MISSING_AUTH, () -> authenticate.authenticate(Optional.empty()));
    }

    @Test
    void authenticateDispatchesToTheFirstVerifierThatRecognisesTheValue() {
        Principal expected = principal(ActorStatus.ACTIVE, ScopeSet.ALL);
        AuthenticateRequest authenticate = new AuthenticateRequest(
                List.of(
                        verifierFor("eyJ", principal(ActorStatus.ACTIVE, ScopeSet.EMPTY)),
                        verifierFor("sk_", expected)),
                AuthenticationListener.NONE);

        assertThat(authenticate.authenticate(Optional.of(new PresentedCredential.Bearer("sk_live_x"))))
                .isSameAs(expected);
    }

    @Test
    void authenticateWhenNoVerifierRecognisesABearerThenInvalidAuthHeader() {
        AuthenticateRequest authenticate =
                new AuthenticateRequest(List.of(verifierFor("sk_", null)), AuthenticationListener.NONE);

        assertFails(
                AuthError.INVALID_AUTH_HEADER,
                () -> authenticate.authenticate(Optional.of(new PresentedCredential.Bearer("opaque"))));
    }

    @Test
    void authenticateWhenAJwtFromAnUntrustedIssuerThenInvalidJwt() {
        AuthenticateRequest authenticate =
                new AuthenticateRequest(List.of(verifierFor("sk_", null)), AuthenticationListener.NONE);

        assertFails(
                AuthError.INVALID_JWT,
                () -> authenticate.authenticate(Optional.of(new PresentedCredential.Bearer("eyJhbGc.eyJpc3M.sig"))));
    }

    @Test
    void authenticateWhenActorInactiveThenActorNotMapped() {
        AuthenticateRequest authenticate = new AuthenticateRequest(
                List.of(verifierFor("sk_", principal(ActorStatus.INACTIVE, ScopeSet.ALL))),
                AuthenticationListener.NONE);

        assertFails(
                AuthError.ACTOR_NOT_MAPPED,
                () -> authenticate.authenticate(Optional.of(new PresentedCredential.Bearer("sk_live_x"))));
    }

    @Test
    void listenerHearsEveryOutcomeWithTheKindOfTheVerifierThatDecided() {
        java.util.List<String> heard = new java.util.ArrayList<>();
        AuthenticationListener listener = new AuthenticationListener() {
            @Override
            public void authenticated(Principal principal) {
                heard.add("ok " + principal.credentialKind());
            }

            @Override
            public void rejected(Optional<CredentialKind> kind, AuthError error) {
                heard.add(kind.map(Enum::name).orElse("none") + " " + error.code());
            }
        };
        CredentialVerifier failing = new CredentialVerifier() {
            @Override
            public CredentialKind kind() {
                return CredentialKind.API_KEY;
            }

            @Override
            public boolean recognises(PresentedCredential credential) {
                return credential.value().startsWith("sk_bad");
            }

            @Override
            public Principal verify(PresentedCredential credential) {
                throw AuthFailure.of(AuthError.INVALID_API_KEY);
            }
        };
        AuthenticateRequest authenticate = new AuthenticateRequest(
                List.of(failing, verifierFor("sk_", principal(ActorStatus.ACTIVE, ScopeSet.ALL))), listener);

        authenticate.authenticate(Optional.of(new PresentedCredential.Bearer("sk_good")));
        assertThatThrownBy(() -> authenticate.authenticate(Optional.of(new PresentedCredential.Bearer("sk_bad"))));
        assertThatThrownBy(() -> authenticate.authenticate(Optional.empty()));
        assertThatThrownBy(() -> authenticate.authenticate(Optional.of(new PresentedCredential.Bearer("zzz"))));

        assertThat(heard)
                .containsExactly(
                        "ok API_KEY", "API_KEY invalid_api_key", "none missing_auth", "none invalid_auth_header");
    }

    @Test
    void requireScopesNamesEveryMissingScope() {
        Principal narrow = principal(ActorStatus.ACTIVE, ScopeSet.parse(List.of("records:read")));

        assertThatThrownBy(() -> AccessPolicy.requireScopes(
                        narrow, ScopeSet.parse(List.of("records:read", "api_keys:write", "audit:read"))))
                .isInstanceOfSatisfying(AuthFailure.class, f -> {
                    assertThat(f.error()).isEqualTo(AuthError.INSUFFICIENT_SCOPE);
                    assertThat(f.detail()).isEqualTo("Missing required scope: api_keys:write audit:read");
                });
    }

    @Test
    void presentedCredentialsNeverPrintTheirValue() {
        assertThat(new PresentedCredential.Bearer("sk_live_secret").toString()).doesNotContain("secret");
        assertThat(new PresentedCredential.ApiKeyHeader("sk_live_secret").toString())
                .doesNotContain("secret");
    }
}
