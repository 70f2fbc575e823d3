package dev.latchkey.domain.route;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.latchkey.domain.actor.Actor;
import dev.latchkey.domain.actor.ActorKind;
import dev.latchkey.domain.actor.ActorStatus;
import dev.latchkey.domain.auth.AuthenticateRequest;
import dev.latchkey.domain.auth.AuthenticationListener;
import dev.latchkey.domain.auth.CredentialKind;
import dev.latchkey.domain.auth.CredentialVerifier;
import dev.latchkey.domain.auth.PresentedCredential;
import dev.latchkey.domain.auth.Principal;
import dev.latchkey.domain.error.AuthError;
import dev.latchkey.domain.error.AuthFailure;
import dev.latchkey.domain.error.RequestRejected;
import dev.latchkey.domain.scope.ScopeSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DecideAccessTest {
    private static final Principal OWNER_OF_S1 = principal(Set.of("studio_1"), ScopeSet.parse(List.of("records:read")));

    private static Principal principal(Set<String> owners, ScopeSet scopes) {
        Actor actor = new Actor("act_1", ActorKind.HUMAN, ActorStatus.ACTIVE, Optional.of("ws_1"), "member", owners);
        return new Principal(actor, Optional.of("ws_1"), CredentialKind.WORKOS_ACCESS_TOKEN, scopes, "tok_1",
                Optional.empty());
    }

    private static DecideAccess decide(List<RouteRule> rules) {
        CredentialVerifier anyone = new CredentialVerifier() {
            @Override
            public CredentialKind kind() {
                return CredentialKind.WORKOS_ACCESS_TOKEN;
            }

            @Override
            public boolean recognises(PresentedCredential credential) {
                return true;
            }

            @Override
            public Principal verify(PresentedCredential credential) {
                return OWNER_OF_S1;
            }
        };
        return new DecideAccess(rules, new AuthenticateRequest(List.of(anyone), AuthenticationListener.NONE), null,
                AuthError.NO_WORKSPACE, new dev.latchkey.domain.usage.UsageGate(
                        new dev.latchkey.domain.usage.InMemoryUsageCounters(),
                        tenant -> new dev.latchkey.domain.usage.Plan("t", 6000, 1000, 0, java.time.Duration.ofDays(30)),
                        java.time.Clock.systemUTC()));
    }

    private static RouteRule rule(String method, String path, Posture posture) {
        return new RouteRule(method, PathPattern.parse(path), posture);
    }

    private static final Optional<PresentedCredential> TOKEN = Optional.of(new PresentedCredential.Bearer("t"));

    private static void assertFails(AuthError error, Runnable call) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(AuthFailure.class,
                f -> assertThat(f.error()).isEqualTo(error));
    }

    @Test
    void theFirstMatchingRuleDecidesAndNoMatchIsDenied() {
        DecideAccess access = decide(List.of(
                rule("GET", "/open", new Posture.Public()),
                rule("*", "/open", new Posture.Authenticated(ScopeSet.EMPTY))));

        assertThat(access.decide("GET", "/open", Optional.empty()).principal()).isEmpty();
        assertFails(AuthError.MISSING_AUTH, () -> access.decide("POST", "/open", Optional.empty()));
        assertThatThrownBy(() -> access.decide("GET", "/elsewhere", TOKEN)).isInstanceOf(RequestRejected.class);
    }

    @Test
    void scopesOwnersAndRetiredRoutesAreEnforced() {
        DecideAccess access = decide(List.of(
                rule("GET", "/records", new Posture.Authenticated(ScopeSet.parse(List.of("records:read")))),
                rule("POST", "/records", new Posture.Authenticated(ScopeSet.parse(List.of("records:write")))),
                rule("GET", "/studios/{studio}/books", new Posture.Owner(Optional.of("studio"))),
                rule("*", "/old/**", new Posture.Retired("moved")),
                rule("*", "/keys/**", new Posture.Retired("in WorkOS", AuthError.API_KEY_MANAGEMENT_RETIRED))));

        assertThat(access.decide("GET", "/records", TOKEN).principal()).contains(OWNER_OF_S1);
        assertFails(AuthError.INSUFFICIENT_SCOPE, () -> access.decide("POST", "/records", TOKEN));
        assertThat(access.decide("GET", "/studios/studio_1/books", TOKEN).principal()).isPresent();
        assertFails(AuthError.OWNER_SCOPE_MISMATCH, () -> access.decide("GET", "/studios/studio_2/books", TOKEN));
        assertFails(AuthError.ROUTE_RETIRED, () -> access.decide("DELETE", "/old/thing", Optional.empty()));
        assertFails(AuthError.API_KEY_MANAGEMENT_RETIRED, () -> access.decide("GET", "/keys/k_1", Optional.empty()));
    }
}
