package dev.latchkey.http.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.domain.auth.VerificationCache;
import dev.latchkey.domain.common.RandomIdGenerator;
import dev.latchkey.domain.common.StoreUnavailable;
import dev.latchkey.domain.oauth.AuthenticateClient;
import dev.latchkey.domain.oauth.AuthorizationCodeGrant;
import dev.latchkey.domain.oauth.ClientMetadataDocuments;
import dev.latchkey.domain.oauth.IssueOAuthTokens;
import dev.latchkey.domain.oauth.OAuthClient;
import dev.latchkey.domain.oauth.OAuthClientStore;
import dev.latchkey.domain.oauth.OAuthClients;
import dev.latchkey.domain.oauth.OAuthRevocations;
import dev.latchkey.domain.oauth.OAuthSettings;
import dev.latchkey.domain.oauth.OAuthTokenIssuer;
import dev.latchkey.domain.oauth.ProtectedResources;
import dev.latchkey.domain.oauth.RefreshTokenGrant;
import dev.latchkey.domain.oauth.RevokeOAuthToken;
import dev.latchkey.domain.oauth.SealedMachineTokens;
import dev.latchkey.domain.scope.ScopeSet;
import dev.latchkey.domain.testing.InMemoryAuthorizationCodeStore;
import dev.latchkey.domain.testing.InMemoryCaches;
import dev.latchkey.domain.testing.InMemoryOAuthTokenStore;
import dev.latchkey.domain.testing.InMemoryRevokedTokenStore;
import dev.latchkey.domain.testing.InMemoryUserStore;
import dev.latchkey.domain.testing.InMemoryVerificationCache;
import dev.latchkey.domain.testing.TestCredentialEvents;
import dev.latchkey.http.problem.ProblemMappers;
import dev.latchkey.http.problem.Refusals;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.dropwizard.testing.junit5.ResourceExtension;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Form;
import jakarta.ws.rs.core.Response;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The token endpoint alone, over the domain's twins: every failure in the RFC 6749 §5.2 shape
 * (never problem+json), never cached, and a store that cannot be reached is
 * {@code temporarily_unavailable} in that shape too.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class TokenEndpointResourceTest {
    private static final String ISSUER = "https://auth.example.com";

    /** A client store whose database is down for clients named {@code client_down}. */
    private static final OAuthClientStore CLIENTS = new OAuthClientStore() {
        @Override
        public void insert(OAuthClient client) {}

        @Override
        public Optional<OAuthClient> findById(String clientId) {
            if (clientId.equals("client_down")) {
                throw new StoreUnavailable("the database is down", null);
            }
            return Optional.empty();
        }

        @Override
        public void markUsed(String clientId, Instant at) {}

        @Override
        public int deleteNeverUsedIssuedBefore(Instant cutoff) {
            return 0;
        }

        @Override
        public List<OAuthClient> listMachineClients(String workspaceId) {
            return List.of();
        }

        @Override
        public boolean deleteMachineClient(String workspaceId, String clientId) {
            return false;
        }
    };

    static final ResourceExtension API = build();

    private static ResourceExtension build() {
        Clock clock = Clock.systemUTC();
        SecureRandom random = new SecureRandom();
        RandomIdGenerator ids = new RandomIdGenerator(random);
        InMemoryOAuthTokenStore tokens = new InMemoryOAuthTokenStore();
        InMemoryAuthorizationCodeStore codes = new InMemoryAuthorizationCodeStore();
        OAuthSettings settings = new OAuthSettings(
                ISSUER,
                "lk_",
                ScopeSet.parseSpaceSeparated("records:read"),
                ScopeSet.parseSpaceSeparated("records:read"),
                Duration.ofHours(1),
                Duration.ofDays(30),
                Duration.ofMinutes(5),
                Duration.ofSeconds(30));
        ProtectedResources resources = new ProtectedResources(List.of(ISSUER));
        OAuthClients clients = new OAuthClients(CLIENTS, ClientMetadataDocuments.NONE);
        VerificationCache cache = new InMemoryVerificationCache(10);
        SealedMachineTokens sealed = new SealedMachineTokens(
                new byte[32], ISSUER, settings.accessTokenPrefix(), new InMemoryRevokedTokenStore());
        OAuthRevocations revocations =
                new OAuthRevocations(tokens, sealed, TestCredentialEvents.forgettingIn(cache), clock);
        OAuthTokenIssuer issuer = new OAuthTokenIssuer(tokens, sealed, clients, settings, ids, random, clock);
        AuthenticateClient authenticate = new AuthenticateClient(clients);
        IssueOAuthTokens issue = new IssueOAuthTokens(
                authenticate,
                List.of(
                        new AuthorizationCodeGrant(codes, issuer, revocations, resources, clock),
                        new RefreshTokenGrant(
                                tokens, issuer, revocations, resources, settings, new InMemoryUserStore(), clock)));
        ResourceExtension.Builder builder = ResourceExtension.builder()
                .addResource(new TokenResource(
                        issue, new RevokeOAuthToken(authenticate, tokens, sealed, revocations), Optional.empty()))
                .addProvider(new OAuthFailureMapper());
        ProblemMappers.all(new Refusals(Optional.of(resources), new InMemoryCaches()))
                .forEach(builder::addProvider);
        return builder.build();
    }

    private static Response token(Map<String, String> fields) {
        Form form = new Form();
        fields.forEach(form::param);
        return API.target("/oauth/token").request().post(Entity.form(form));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> body(Response response) {
        return response.readEntity(Map.class);
    }

    @Test
    void anUnknownGrantTypeIsUnsupportedInTheOAuthShapeAndNotCached() {
        Response response = token(Map.of("grant_type", "password", "client_id", "client_1"));

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getMediaType().toString()).startsWith("application/json");
        assertThat(body(response))
                .containsEntry("error", "unsupported_grant_type")
                .doesNotContainKey("code");
        assertThat(response.getHeaderString("Cache-Control")).contains("no-store");
    }

    @Test
    void anUnknownClientIsInvalidClient() {
        Response response = token(Map.of("grant_type", "authorization_code", "client_id", "client_nobody"));

        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(body(response)).containsEntry("error", "invalid_client");
    }

    @Test
    void anUnreachableStoreIsTemporarilyUnavailableInTheOAuthShape() {
        Response response = token(Map.of("grant_type", "authorization_code", "client_id", "client_down"));

        String text = response.readEntity(String.class);

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(text).contains("\"error\":\"temporarily_unavailable\"").doesNotContain("\"code\"");
        assertThat(text).as("no store detail reaches the client").doesNotContain("database");
        assertThat(response.getHeaderString("Retry-After")).isNotBlank();
    }
}
