package dev.latchkey.http.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.codahale.metrics.MetricRegistry;
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
import dev.latchkey.domain.oauth.ProtectedResources;
import dev.latchkey.domain.route.DecideAccess;
import dev.latchkey.domain.scope.ScopeSet;
import dev.latchkey.domain.testing.InMemoryCaches;
import dev.latchkey.domain.usage.InMemoryUsageCounters;
import dev.latchkey.domain.usage.Plan;
import dev.latchkey.domain.usage.UsageGate;
import dev.latchkey.http.CorsFilter;
import dev.latchkey.http.problem.ProblemMappers;
import dev.latchkey.http.problem.Refusals;
import dev.latchkey.http.system.UsageResource;
import dev.latchkey.http.system.WhoAmIResource;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.dropwizard.testing.junit5.ResourceExtension;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Latchkey's own API's edge, alone: two resources with the posture feature, the refusal renderer
 * and CORS, over a verifier that knows three tokens. What a client sees of a refusal (status,
 * code, the Bearer challenge naming the resource's metadata and the scopes to ask for) is HTTP's,
 * so it is tested here rather than through a whole server.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class OwnApiDecisionResourceTest {
    private static final String RESOURCE = "https://api.example.com";
    private static final Map<String, Principal> TOKENS = Map.of(
            "member-token", principal("usr_ana", Optional.of("ws_1"), "audit:read"),
            "usage-token", principal("usr_bo", Optional.of("ws_1"), "usage:read"),
            "newcomer-token", principal("usr_cy", Optional.empty(), ""));

    private static Principal principal(String id, Optional<String> tenant, String scopes) {
        Actor actor = new Actor(id, ActorKind.HUMAN, ActorStatus.ACTIVE, tenant, "member", Set.of());
        return new Principal(
                actor,
                tenant,
                CredentialKind.USER_JWT,
                scopes.isEmpty() ? ScopeSet.EMPTY : ScopeSet.parse(List.of(scopes)),
                "tok_" + id,
                Optional.empty());
    }

    private static final CredentialVerifier KNOWN_TOKENS = new CredentialVerifier() {
        @Override
        public CredentialKind kind() {
            return CredentialKind.USER_JWT;
        }

        @Override
        public boolean recognises(PresentedCredential credential) {
            return credential instanceof PresentedCredential.Bearer;
        }

        @Override
        public Principal verify(PresentedCredential credential) {
            Principal known = TOKENS.get(credential.value());
            if (known == null) {
                throw new AuthFailure(AuthError.INVALID_JWT, "The token is not valid");
            }
            return known;
        }
    };

    private static final UsageGate USAGE = new UsageGate(
            new InMemoryUsageCounters(),
            tenant -> new Plan("default", 6000, 1000, 0, Duration.ofDays(30)),
            Clock.systemUTC());
    private static final Optional<ProtectedResources> RESOURCES =
            Optional.of(new ProtectedResources(List.of(RESOURCE)));

    static final ResourceExtension API = build();

    private static ResourceExtension build() {
        AuthMetrics metrics = new AuthMetrics(new MetricRegistry());
        ResourceExtension.Builder builder = ResourceExtension.builder()
                .addProvider(new PostureFeature(
                        DecideAccess.forOwnApi(
                                new AuthenticateRequest(List.of(KNOWN_TOKENS), AuthenticationListener.NONE),
                                USAGE,
                                RESOURCES),
                        metrics))
                .addProvider(new CorsFilter())
                .addResource(new WhoAmIResource())
                .addResource(new UsageResource(USAGE));
        ProblemMappers.all(new Refusals(RESOURCES, new InMemoryCaches())).forEach(builder::addProvider);
        return builder.build();
    }

    private static Response get(String path, String token) {
        var request = API.target(path).request();
        return token == null
                ? request.get()
                : request.header("Authorization", "Bearer " + token).get();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> body(Response response) {
        return response.readEntity(Map.class);
    }

    @Test
    void noCredentialIs401WithAChallengeNamingTheResourceMetadataAndTheScopeToAskFor() {
        Response response = get("/usage", null);

        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(response.getMediaType().toString()).isEqualTo("application/problem+json");
        assertThat(body(response)).containsEntry("code", "missing_auth");
        assertThat(response.getHeaderString("WWW-Authenticate"))
                .isEqualTo("Bearer realm=\"latchkey\", resource_metadata=\""
                        + "https://api.example.com/.well-known/oauth-protected-resource\", scope=\"usage:read\"");
    }

    @Test
    void aScopeDenialAsksForWhatIsNeededAndWhatIsHeld() {
        Response response = get("/usage", "member-token");

        assertThat(response.getStatus()).isEqualTo(403);
        assertThat(body(response)).containsEntry("code", "insufficient_scope");
        assertThat(response.getHeaderString("WWW-Authenticate"))
                .contains("error=\"insufficient_scope\"")
                .contains("scope=\"audit:read usage:read\"");
    }

    @Test
    void anUnknownTokenIs401InvalidTokenWithoutLeakingWhy() {
        Response response = get("/whoami", "forged");

        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(body(response)).containsEntry("code", "invalid_jwt").doesNotContainKey("trace");
        assertThat(response.getHeaderString("WWW-Authenticate")).contains("error=\"invalid_token\"");
    }

    @Test
    void aPersonWithoutAWorkspaceMayAskWhoTheyAreButNotUseAScopedRoute() {
        Response whoami = get("/whoami", "newcomer-token");
        Response usage = get("/usage", "newcomer-token");

        assertThat(whoami.getStatus()).isEqualTo(200);
        assertThat(body(whoami)).containsEntry("actor_id", "usr_cy").containsEntry("tenant_id", null);
        assertThat(usage.getStatus()).isEqualTo(403);
        assertThat(body(usage)).containsEntry("code", "no_workspace");
    }

    @Test
    void anAllowedRequestCarriesItsRateLimitHeaders() {
        Response response = get("/usage", "usage-token");

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getHeaderString("RateLimit-Limit")).isNotBlank();
        assertThat(response.getHeaderString("RateLimit-Remaining")).isNotBlank();
    }

    @Test
    void twoCredentialsInOneRequestAreRefusedAsAMalformedHeader() {
        Response response = API.target("/whoami")
                .request()
                .header("Authorization", "Bearer member-token")
                .header("X-API-Key", "sk_live_something")
                .get();

        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(body(response)).containsEntry("code", "invalid_auth_header");
        assertThat(response.getHeaderString("WWW-Authenticate")).contains("error=\"invalid_request\"");
    }

    @Test
    void aBrowserClientMayReadTheChallengeOfARefusal() {
        Response response = API.target("/whoami")
                .request()
                .header("Origin", "https://inspector.example")
                .get();

        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(response.getHeaderString("Access-Control-Allow-Origin")).isEqualTo("*");
        assertThat(response.getHeaderString("Access-Control-Expose-Headers")).contains("WWW-Authenticate");
    }
}
