package dev.latchkey.domain.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.latchkey.domain.audit.AuditTrail;
import dev.latchkey.domain.audit.Initiator;
import dev.latchkey.domain.auth.events.CredentialEvent;
import dev.latchkey.domain.common.RandomIdGenerator;
import dev.latchkey.domain.error.AuthError;
import dev.latchkey.domain.error.AuthFailure;
import dev.latchkey.domain.error.RequestRejected;
import dev.latchkey.domain.scope.ScopeSet;
import dev.latchkey.domain.testing.InMemoryAuditLog;
import dev.latchkey.domain.testing.InMemoryOAuthClientStore;
import dev.latchkey.domain.testing.InMemoryOAuthTokenStore;
import dev.latchkey.domain.testing.InMemoryRevokedTokenStore;
import dev.latchkey.domain.testing.MutableClock;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** Machine clients' rules without HTTP: who may create what, and how each proves itself. */
class MachineClientsTest {
    private static final String KEYS = "{\"keys\":[{\"kty\":\"EC\"}]}";
    private static final ScopeSet ADMIN = ScopeSet.parseSpaceSeparated("records:* oauth_clients:*");

    private final MutableClock clock = MutableClock.startingAt("2026-12-01T12:00:00Z");
    private final InMemoryOAuthClientStore store = new InMemoryOAuthClientStore();
    private final List<CredentialEvent> published = new ArrayList<>();
    private final SecureRandom random = new SecureRandom();

    /** Assertions signed "by <client>" with a jti and a lifetime in seconds: "by mcl_x jti-1 60". */
    private final ClientAssertions assertions = new ClientAssertions() {
        @Override
        public Verified verify(String assertion, String clientId, String jwks, List<String> audiences) {
            String[] parts = assertion.split(" ");
            if (!parts[1].equals(clientId)) {
                throw new OAuthFailure(OAuthError.INVALID_CLIENT, "signed by another client");
            }
            return new Verified(parts[2], clock.instant().plusSeconds(Long.parseLong(parts[3])));
        }

        @Override
        public boolean acceptsKeys(String jwks) {
            return jwks.equals(KEYS);
        }
    };

    private final ManageMachineClients manage = new ManageMachineClients(
            store,
            assertions,
            new RandomIdGenerator(random),
            random,
            clock,
            new AuditTrail(new InMemoryAuditLog(), new RandomIdGenerator(random), clock),
            published::add);
    private final AuthenticateClient authenticate = new AuthenticateClient(
            new OAuthClients(store, ClientMetadataDocuments.NONE),
            assertions,
            new InMemoryRevokedTokenStore(),
            List.of("https://auth.example.com"),
            clock);
    private static final Initiator ADMIN_ANA = new Initiator("usr_ana", Optional.empty(), Optional.empty());

    /** A client_credentials request that asks for nothing in particular. */
    private static final TokenRequest CLIENT_CREDENTIALS = new TokenRequest(
            Optional.of("client_credentials"),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty());

    private OAuthClient fromOpenRegistration(String clientId) {
        return new OAuthClient(
                clientId,
                Optional.empty(),
                ClientAuthMethod.NONE,
                Optional.empty(),
                List.of("http://127.0.0.1/cb"),
                Optional.of("records:read"),
                clock.instant(),
                Optional.empty());
    }

    private ManageMachineClients.Created created(String method, Optional<String> jwks) {
        return manage.create(
                "ws_1",
                new ManageMachineClients.Command(
                        "export", Optional.of(ScopeSet.parseSpaceSeparated("records:read")), Optional.of(method), jwks),
                ADMIN,
                ADMIN_ANA);
    }

    private static void assertInvalidClient(ThrowingCallable call) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(
                        OAuthFailure.class, f -> assertThat(f.error()).isEqualTo(OAuthError.INVALID_CLIENT));
    }

    @Test
    void aClientIsNeverWiderThanItsCreatorAndMustNameAUsableMethod() {
        assertThatThrownBy(() -> manage.create(
                        "ws_1",
                        new ManageMachineClients.Command(
                                "wide",
                                Optional.of(ScopeSet.parseSpaceSeparated("members:write")),
                                Optional.empty(),
                                Optional.empty()),
                        ADMIN,
                        ADMIN_ANA))
                .isInstanceOfSatisfying(
                        AuthFailure.class, f -> assertThat(f.error()).isEqualTo(AuthError.INSUFFICIENT_SCOPE));
        assertThatThrownBy(() -> created("none", Optional.empty())).isInstanceOf(RequestRejected.class);
        assertThatThrownBy(() -> created("private_key_jwt", Optional.empty())).isInstanceOf(RequestRejected.class);
        assertThatThrownBy(() -> created("private_key_jwt", Optional.of("{\"keys\":[{\"d\":\"private\"}]}")))
                .isInstanceOf(RequestRejected.class);
        assertThatThrownBy(() -> created("client_secret_basic", Optional.of(KEYS)))
                .as("keys only for private_key_jwt")
                .isInstanceOf(RequestRejected.class);
    }

    @Test
    void aSecretClientProvesItselfWithItsSecretOnly() {
        ManageMachineClients.Created client = created("client_secret_basic", Optional.empty());
        String id = client.client().clientId();
        String secret = client.secret().orElseThrow();

        assertThat(authenticate.authenticate(new ClientCredentials(Optional.of(id), Optional.of(secret))))
                .isEqualTo(client.client());
        assertInvalidClient(() -> authenticate.authenticate(
                new ClientCredentials(Optional.of(id), Optional.empty(), Optional.of("by " + id + " j1 60"))));
        assertInvalidClient(() -> authenticate.authenticate(new ClientCredentials(Optional.of(id), Optional.empty())));
    }

    @Test
    void aKeyClientProvesItselfWithAFreshAssertionOnceAndNeverWithASecret() {
        ManageMachineClients.Created client = created("private_key_jwt", Optional.of(KEYS));
        String id = client.client().clientId();
        assertThat(client.secret()).isEmpty();

        ClientCredentials signed =
                new ClientCredentials(Optional.empty(), Optional.empty(), Optional.of("by " + id + " j1 60"));
        assertInvalidClient(() -> authenticate.authenticate(signed));
        // Without client_id the assertion's unverified iss finds the client; here the text is not a JWT.
        ClientCredentials named =
                new ClientCredentials(Optional.of(id), Optional.empty(), Optional.of("by " + id + " j1 60"));
        assertThat(authenticate.authenticate(named)).isEqualTo(client.client());
        assertInvalidClient(() -> authenticate.authenticate(named));
        assertInvalidClient(() -> authenticate.authenticate(
                new ClientCredentials(Optional.of(id), Optional.of("a secret"), Optional.of("by " + id + " j2 60"))));
        assertInvalidClient(() -> authenticate.authenticate(
                new ClientCredentials(Optional.of(id), Optional.empty(), Optional.of("by mcl_other j3 60"))));
        assertInvalidClient(() -> authenticate.authenticate(
                new ClientCredentials(Optional.of(id), Optional.empty(), Optional.of("by " + id + " j4 0"))));
        clock.advance(Duration.ofSeconds(1));
        assertThat(authenticate.authenticate(
                        new ClientCredentials(Optional.of(id), Optional.empty(), Optional.of("by " + id + " j5 60"))))
                .isEqualTo(client.client());
    }

    @Test
    void aMachineTokenIsSealedNotStoredAndItsClientsUseIsRecordedOnceAMinute() {
        OAuthClient machine = created("client_secret_basic", Optional.empty()).client();
        InMemoryOAuthTokenStore tokens = new InMemoryOAuthTokenStore();
        SealedMachineTokens sealed = new SealedMachineTokens(
                new byte[32], "https://auth.example.com", "lk_oat_", new InMemoryRevokedTokenStore());
        OAuthSettings settings = new OAuthSettings(
                "https://auth.example.com",
                "lk_",
                ScopeSet.parseSpaceSeparated("records:read"),
                ScopeSet.parseSpaceSeparated("records:read"),
                Duration.ofHours(1),
                Duration.ofDays(30),
                Duration.ofMinutes(5),
                Duration.ofSeconds(30));
        ClientCredentialsGrant grant = new ClientCredentialsGrant(
                new OAuthTokenIssuer(
                        tokens,
                        sealed,
                        new OAuthClients(store, ClientMetadataDocuments.NONE),
                        settings,
                        new RandomIdGenerator(random),
                        random,
                        clock),
                new ProtectedResources(List.of("https://api.example.com")));
        TokenRequest request = CLIENT_CREDENTIALS;
        java.util.function.Supplier<OAuthClient> current =
                () -> store.findById(machine.clientId()).orElseThrow();

        IssuedTokens issued = grant.grant(current.get(), request);
        assertThat(sealed.find(issued.accessToken()))
                .hasValueSatisfying(t -> assertThat(t.workspaceId()).isEqualTo("ws_1"));
        assertThat(issued.refreshToken()).isEmpty();
        assertThat(tokens.findByAccessHash(TokenHashes.of(issued.accessToken())))
                .as("nothing stored")
                .isEmpty();
        java.time.Instant firstUse = clock.instant();
        assertThat(current.get().lastUsedAt()).contains(firstUse);

        clock.advance(Duration.ofSeconds(59));
        grant.grant(current.get(), request);
        assertThat(current.get().lastUsedAt()).as("within the minute").contains(firstUse);
        clock.advance(Duration.ofSeconds(2));
        grant.grant(current.get(), request);
        assertThat(current.get().lastUsedAt()).contains(clock.instant());
    }

    @Test
    void aMachineClientIsReadOnceWithinTheBoundForgottenWhenDeletedAndReadAgainAfter() {
        java.util.concurrent.atomic.AtomicInteger reads = new java.util.concurrent.atomic.AtomicInteger();
        OAuthClientStore counting = new OAuthClientStore() {
            @Override
            public void insert(OAuthClient client) {
                store.insert(client);
            }

            @Override
            public Optional<OAuthClient> findById(String clientId) {
                reads.incrementAndGet();
                return store.findById(clientId);
            }

            @Override
            public void markUsed(String clientId, java.time.Instant at) {
                store.markUsed(clientId, at);
            }

            @Override
            public int deleteNeverUsedIssuedBefore(java.time.Instant cutoff) {
                return store.deleteNeverUsedIssuedBefore(cutoff);
            }

            @Override
            public List<OAuthClient> listMachineClients(String workspaceId) {
                return store.listMachineClients(workspaceId);
            }

            @Override
            public boolean deleteMachineClient(String workspaceId, String clientId) {
                return store.deleteMachineClient(workspaceId, clientId);
            }
        };
        OAuthClients clients = new OAuthClients(
                counting,
                ClientMetadataDocuments.NONE,
                new dev.latchkey.domain.testing.InMemoryCaches(),
                clock,
                Duration.ofSeconds(30));
        String id = created("client_secret_basic", Optional.empty()).client().clientId();

        assertThat(clients.find(id)).isPresent();
        clock.advance(Duration.ofSeconds(29));
        assertThat(clients.find(id)).isPresent();
        assertThat(reads).as("remembered within the bound").hasValue(1);
        clients.markUsed(clients.find(id).orElseThrow(), clock.instant());
        assertThat(clients.find(id).orElseThrow().lastUsedAt())
                .as("the remembered copy knows its use, so the next token does not write it again")
                .contains(clock.instant());
        clock.advance(Duration.ofSeconds(2));
        assertThat(clients.find(id)).isPresent();
        assertThat(reads).as("read again past it").hasValue(2);

        manage.delete("ws_1", id, ADMIN_ANA);
        published.forEach(clients::forget);
        assertThat(clients.find(id))
                .as("a deleted client is read, and gone, at once")
                .isEmpty();
        assertThat(reads).hasValue(3);

        OAuthClient registered = fromOpenRegistration("client_open");
        store.insert(registered);
        clients.find("client_open");
        clients.find("client_open");
        assertThat(reads).as("only machine clients are remembered").hasValue(5);
    }

    @Test
    void deletingIsForTheClientsOwnWorkspaceAndEveryInstanceHearsIt() {
        String id = created("client_secret_post", Optional.empty()).client().clientId();

        assertThatThrownBy(() -> manage.delete("ws_2", id, ADMIN_ANA)).isInstanceOf(RequestRejected.class);
        assertThat(manage.list("ws_1")).extracting(OAuthClient::clientId).containsExactly(id);
        assertThat(published).isEmpty();

        manage.delete("ws_1", id, ADMIN_ANA);
        assertThat(manage.list("ws_1")).isEmpty();
        assertThat(published).containsExactly(new CredentialEvent.ActorChanged(id));
    }

    @Test
    void aClientFromOpenRegistrationHasNoWorkspaceSoNoClientCredentials() {
        OAuthClient registered = fromOpenRegistration("client_1");
        ClientCredentialsGrant grant =
                new ClientCredentialsGrant(null, new ProtectedResources(List.of("https://api.example.com")));
        assertThatThrownBy(() -> grant.grant(registered, CLIENT_CREDENTIALS))
                .isInstanceOfSatisfying(
                        OAuthFailure.class, f -> assertThat(f.error()).isEqualTo(OAuthError.UNAUTHORIZED_CLIENT));
    }
}
