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
        return new Principal(
                actor, Optional.of("ws_1"), CredentialKind.WORKOS_ACCESS_TOKEN, scopes, "tok_1", Optional.empty());
    }

    /** The guarded-API edge: the route table's posture, decided. */
    private record Guarded(RouteTable routes, DecideAccess access) {
        DecideAccess.Decision decide(String method, String path, Optional<PresentedCredential> credential) {
            RouteTable.Route route = routes.match(method, path);
            return access.decide(
                    route.posture(), route.parameters(), DecideAccess.Request.of(method, path, credential));
        }
    }

    private static AuthenticateRequest verifying(Principal principal) {
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
                return principal;
            }
        };
        return new AuthenticateRequest(List.of(anyone), AuthenticationListener.NONE);
    }

    private static final dev.latchkey.domain.usage.UsageGate USAGE = new dev.latchkey.domain.usage.UsageGate(
            new dev.latchkey.domain.usage.InMemoryUsageCounters(),
            tenant -> new dev.latchkey.domain.usage.Plan("t", 6000, 1000, 0, java.time.Duration.ofDays(30)),
            java.time.Clock.systemUTC());

    private static Guarded decide(List<RouteRule> rules) {
        return new Guarded(
                new RouteTable(rules),
                DecideAccess.forGuardedApis(
                        verifying(OWNER_OF_S1),
                        null,
                        USAGE,
                        Optional.empty(),
                        AuthError.NO_WORKSPACE,
                        principal -> "signed:" + principal.actor().id()));
    }

    private static RouteRule rule(String method, String path, Posture posture) {
        return new RouteRule(method, PathPattern.parse(path), posture);
    }

    private static final Optional<PresentedCredential> TOKEN = Optional.of(new PresentedCredential.Bearer("t"));

    private static void assertFails(AuthError error, Runnable call) {
        assertThatThrownBy(call::run)
                .isInstanceOfSatisfying(
                        AuthFailure.class, f -> assertThat(f.error()).isEqualTo(error));
    }

    @Test
    void theFirstMatchingRuleDecidesAndNoMatchIsDenied() {
        Guarded access = decide(List.of(
                rule("GET", "/open", new Posture.Public()),
                rule("*", "/open", new Posture.Authenticated(ScopeSet.EMPTY))));

        assertThat(access.decide("GET", "/open", Optional.empty()).principal()).isEmpty();
        assertFails(AuthError.MISSING_AUTH, () -> access.decide("POST", "/open", Optional.empty()));
        assertThatThrownBy(() -> access.decide("GET", "/elsewhere", TOKEN)).isInstanceOf(RequestRejected.class);
    }

    @Test
    void scopesOwnersAndRetiredRoutesAreEnforced() {
        Guarded access = decide(List.of(
                rule("GET", "/records", new Posture.Authenticated(ScopeSet.parse(List.of("records:read")))),
                rule("POST", "/records", new Posture.Authenticated(ScopeSet.parse(List.of("records:write")))),
                rule("GET", "/studios/{studio}/books", new Posture.Owner(Optional.of("studio"))),
                rule("*", "/old/**", new Posture.Retired("moved")),
                rule("*", "/keys/**", new Posture.Retired("in WorkOS", AuthError.API_KEY_MANAGEMENT_RETIRED))));

        assertThat(access.decide("GET", "/records", TOKEN).principal()).contains(OWNER_OF_S1);
        assertFails(AuthError.INSUFFICIENT_SCOPE, () -> access.decide("POST", "/records", TOKEN));
        assertThat(access.decide("GET", "/studios/studio_1/books", TOKEN).principal())
                .isPresent();
        assertFails(AuthError.OWNER_SCOPE_MISMATCH, () -> access.decide("GET", "/studios/studio_2/books", TOKEN));
        assertFails(AuthError.ROUTE_RETIRED, () -> access.decide("DELETE", "/old/thing", Optional.empty()));
        assertFails(AuthError.API_KEY_MANAGEMENT_RETIRED, () -> access.decide("GET", "/keys/k_1", Optional.empty()));
    }

    @Test
    void aRefusalNamesTheScopesToAskForAndAScopeDenialKeepsWhatIsHeld() {
        Guarded access = decide(List.of(
                rule("GET", "/records", new Posture.Authenticated(ScopeSet.parse(List.of("records:read")))),
                rule("POST", "/records", new Posture.Authenticated(ScopeSet.parse(List.of("records:write"))))));

        assertThatThrownBy(() -> access.decide("GET", "/records", Optional.empty()))
                .isInstanceOfSatisfying(
                        AuthFailure.class,
                        refusal -> assertThat(refusal.scopesToRequest())
                                .isEqualTo(ScopeSet.parse(List.of("records:read"))));
        assertThatThrownBy(() -> access.decide("POST", "/records", TOKEN))
                .isInstanceOfSatisfying(
                        AuthFailure.class,
                        refusal -> assertThat(refusal.scopesToRequest())
                                .isEqualTo(ScopeSet.parse(List.of("records:read", "records:write"))));
    }

    @Test
    void theGuardedEdgeSignsTheAllowedPrincipalAndTheOwnApiDoesNot() {
        Guarded guarded = decide(List.of(rule("GET", "/records", new Posture.Authenticated(ScopeSet.EMPTY))));
        DecideAccess ownApi = DecideAccess.forOwnApi(verifying(OWNER_OF_S1), USAGE, Optional.empty());

        assertThat(guarded.decide("GET", "/records", TOKEN).assertion()).contains("signed:act_1");
        assertThat(ownApi.decide(
                                new Posture.Authenticated(ScopeSet.EMPTY, false),
                                java.util.Map.of(),
                                DecideAccess.Request.of("GET", "/whoami", TOKEN))
                        .assertion())
                .isEmpty();
    }

    @Test
    void aPrincipalWithoutAWorkspaceIsRefusedWhereOneIsNeededAsEachEdgeChose() {
        Actor newcomer = new Actor("act_2", ActorKind.HUMAN, ActorStatus.ACTIVE, Optional.empty(), "member", Set.of());
        Principal tenantless = new Principal(
                newcomer, Optional.empty(), CredentialKind.USER_JWT, ScopeSet.EMPTY, "tok_2", Optional.empty());
        DecideAccess ownApi = DecideAccess.forOwnApi(verifying(tenantless), USAGE, Optional.empty());
        DecideAccess guarded = DecideAccess.forGuardedApis(
                verifying(tenantless),
                null,
                USAGE,
                Optional.empty(),
                AuthError.TENANT_CONTEXT_REQUIRED,
                principal -> "signed");
        DecideAccess.Request whoami = DecideAccess.Request.of("GET", "/whoami", TOKEN);

        assertThat(ownApi.decide(new Posture.Authenticated(ScopeSet.EMPTY, false), java.util.Map.of(), whoami)
                        .principal())
                .contains(tenantless);
        assertFails(
                AuthError.NO_WORKSPACE,
                () -> ownApi.decide(
                        new Posture.Authenticated(ScopeSet.parse(List.of("records:read"))),
                        java.util.Map.of(),
                        whoami));
        assertFails(
                AuthError.TENANT_CONTEXT_REQUIRED,
                () -> guarded.decide(new Posture.Authenticated(ScopeSet.EMPTY), java.util.Map.of(), whoami));
    }
}
