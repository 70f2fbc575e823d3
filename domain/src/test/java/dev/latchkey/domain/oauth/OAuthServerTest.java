package dev.latchkey.domain.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.latchkey.domain.audit.AuditTrail;
import dev.latchkey.domain.audit.Initiator;
import dev.latchkey.domain.auth.CachedTokenVerification;
import dev.latchkey.domain.auth.FailedAttemptLimiter;
import dev.latchkey.domain.auth.PresentedCredential;
import dev.latchkey.domain.auth.Principal;
import dev.latchkey.domain.auth.VerificationCache;
import dev.latchkey.domain.common.RandomIdGenerator;
import dev.latchkey.domain.error.AuthError;
import dev.latchkey.domain.error.AuthFailure;
import dev.latchkey.domain.mail.EmailAddress;
import dev.latchkey.domain.membership.Membership;
import dev.latchkey.domain.membership.Role;
import dev.latchkey.domain.membership.RoleScopes;
import dev.latchkey.domain.membership.UserPrincipals;
import dev.latchkey.domain.scope.ScopeSet;
import dev.latchkey.domain.testing.InMemoryAuditLog;
import dev.latchkey.domain.testing.InMemoryAuthorizationCodeStore;
import dev.latchkey.domain.testing.InMemoryCaches;
import dev.latchkey.domain.testing.InMemoryMembershipStore;
import dev.latchkey.domain.testing.InMemoryOAuthClientStore;
import dev.latchkey.domain.testing.InMemoryOAuthTokenStore;
import dev.latchkey.domain.testing.InMemoryRevokedTokenStore;
import dev.latchkey.domain.testing.InMemoryUserStore;
import dev.latchkey.domain.testing.InMemoryVerificationCache;
import dev.latchkey.domain.testing.InMemoryWorkspaceStore;
import dev.latchkey.domain.testing.MutableClock;
import dev.latchkey.domain.testing.TestCredentialEvents;
import dev.latchkey.domain.user.User;
import dev.latchkey.domain.workspace.Workspace;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The authorization server's time-dependent rules, with a clock moved by hand. */
class OAuthServerTest {
    private static final String ISSUER = "https://auth.example.com";
    private static final String CALLBACK = "http://127.0.0.1:43117/callback";
    private static final Duration GRACE = Duration.ofSeconds(30);

    private final MutableClock clock = MutableClock.startingAt("2026-07-01T10:00:00Z");
    private final SecureRandom random = new SecureRandom();
    private final RandomIdGenerator ids = new RandomIdGenerator(random);
    private final InMemoryUserStore users = new InMemoryUserStore();
    private final InMemoryMembershipStore memberships = new InMemoryMembershipStore();
    private final InMemoryWorkspaceStore workspaces = new InMemoryWorkspaceStore();
    private final InMemoryOAuthClientStore clientStore = new InMemoryOAuthClientStore();
    private final InMemoryAuthorizationCodeStore codes = new InMemoryAuthorizationCodeStore();
    private final InMemoryOAuthTokenStore tokens = new InMemoryOAuthTokenStore();
    private final VerificationCache cache = new InMemoryVerificationCache(100);
    private final OAuthSettings settings = new OAuthSettings(
            ISSUER,
            "lk_",
            ScopeSet.parseSpaceSeparated("records:read records:write"),
            ScopeSet.parseSpaceSeparated("records:read"),
            Duration.ofHours(1),
            Duration.ofDays(30),
            Duration.ofMinutes(5),
            GRACE);
    private final ProtectedResources resources = new ProtectedResources(List.of(ISSUER));
    private final OAuthClients clients = new OAuthClients(clientStore, ClientMetadataDocuments.NONE);
    private final UserPrincipals principals = new UserPrincipals(memberships, workspaces, RoleScopes.defaults());
    private final SealedMachineTokens sealed = new SealedMachineTokens(
            new byte[32], ISSUER, settings.accessTokenPrefix(), new InMemoryRevokedTokenStore());
    private final OAuthRevocations revocations =
            new OAuthRevocations(tokens, sealed, TestCredentialEvents.forgettingIn(cache), clock);
    private final OAuthTokenIssuer issuer = new OAuthTokenIssuer(tokens, sealed, clients, settings, ids, random, clock);
    private final RegisterClient register = new RegisterClient(
            clientStore,
            new FailedAttemptLimiter(3, Duration.ofHours(1), clock, new InMemoryCaches(), "test"),
            settings.supportedScopes(),
            ids,
            random,
            clock);
    private final GrantConsent consent = new GrantConsent(
            users,
            memberships,
            workspaces,
            principals,
            codes,
            settings,
            new AuditTrail(new InMemoryAuditLog(), ids, clock),
            random,
            clock);
    private final IssueOAuthTokens tokenEndpoint = new IssueOAuthTokens(
            new AuthenticateClient(clients),
            List.of(
                    new AuthorizationCodeGrant(codes, issuer, revocations, resources, clock),
                    new RefreshTokenGrant(tokens, issuer, revocations, resources, settings, users, clock)));
    private final OAuthTokenVerifier verifier = new OAuthTokenVerifier(
            tokens,
            sealed,
            users,
            principals,
            new MachineClientPrincipals(clientStore, workspaces),
            new CachedTokenVerification(
                    cache,
                    clock,
                    Duration.ofSeconds(30),
                    Duration.ZERO,
                    AuthError.INVALID_OAUTH_TOKEN,
                    new InMemoryCaches()),
            settings,
            clock,
            new InMemoryCaches());
    private final ExpireOAuthRecords housekeeping =
            new ExpireOAuthRecords(clientStore, codes, tokens, Duration.ofHours(24), clock);

    private User user;
    private OAuthClient client;

    @BeforeEach
    void setUp() {
        user = new User(
                "usr_1", EmailAddress.parse("ana@example.com"), Optional.empty(), clock.instant(), Optional.empty());
        users.insert(user);
        workspaces.insert(new Workspace("ws_1", "Studio", clock.instant(), Optional.empty()));
        memberships.insert(new Membership("ws_1", "usr_1", Role.MEMBER, clock.instant(), Optional.empty()));
        client = register.register(registration("none"), "10.0.0.1").client();
    }

    private static ClientRegistration registration(String method) {
        return new ClientRegistration(
                List.of(CALLBACK),
                Optional.of(method),
                Optional.of("Cursor"),
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
    }

    /** Approves a request for {@code scope}; returns the code. */
    private String approvedCode(String scope, String verifier) {
        AuthorizationRequest request = new ValidateAuthorizationRequest(clients, resources, settings)
                .validate(new AuthorizationParameters(
                        Optional.of("code"),
                        Optional.of(client.clientId()),
                        Optional.of(CALLBACK),
                        Optional.of(Pkce.challengeOf(verifier)),
                        Optional.of("S256"),
                        Optional.of("s"),
                        Optional.of(scope),
                        Optional.empty()));
        String location = consent.approve(request, user, "ws_1", Initiator.operator("test"));
        return location.replaceAll(".*[?&]code=([^&]+).*", "$1");
    }

    private IssuedTokens exchange(String code, String verifier) {
        return tokenEndpoint.issue(
                new ClientCredentials(Optional.of(client.clientId()), Optional.empty()),
                new TokenRequest(
                        Optional.of("authorization_code"),
                        Optional.of(code),
                        Optional.of(CALLBACK),
                        Optional.of(verifier),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty()));
    }

    private IssuedTokens refresh(String refreshToken) {
        return tokenEndpoint.issue(
                new ClientCredentials(Optional.of(client.clientId()), Optional.empty()),
                new TokenRequest(
                        Optional.of("refresh_token"),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.of(refreshToken),
                        Optional.empty(),
                        Optional.empty()));
    }

    private Principal verify(String accessToken) {
        return verifier.verify(new PresentedCredential.Bearer(accessToken));
    }

    private static void assertOAuth(OAuthError error, ThrowingCallable call) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(
                        OAuthFailure.class, f -> assertThat(f.error()).isEqualTo(error));
    }

    private static void assertAuth(AuthError error, ThrowingCallable call) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(
                        AuthFailure.class, f -> assertThat(f.error()).isEqualTo(error));
    }

    @Test
    void aHandedOffRequestLivesTenMinutesThenNeitherTheAppNorTheBrowserCanUseIt() {
        var handoff = new dev.latchkey.domain.oauth.handoff.HandOffAuthorization(
                new dev.latchkey.domain.testing.InMemoryPendingAuthorizationStore(),
                new ValidateAuthorizationRequest(clients, resources, settings),
                consent,
                "https://app.example.com/oauth/consent",
                ISSUER,
                random,
                clock);
        var started = handoff.start(new AuthorizationParameters(
                Optional.of("code"),
                Optional.of(client.clientId()),
                Optional.of(CALLBACK),
                Optional.of(Pkce.challengeOf("v".repeat(50))),
                Optional.of("S256"),
                Optional.of("s&t"),
                Optional.of("records:read"),
                Optional.empty()));
        Principal ana = principals.of(
                user, Optional.of("ws_1"), dev.latchkey.domain.auth.CredentialKind.USER_JWT, "jti_1", clock.instant());
        assertThat(handoff.read(started.requestId(), ana).request().state()).contains("s&t");
        String resume = handoff.decide(started.requestId(), ana, true, Optional.of("ws_1"));

        clock.advance(dev.latchkey.domain.oauth.handoff.HandOffAuthorization.LIFETIME);
        assertThatThrownBy(() -> handoff.read(started.requestId(), ana))
                .isInstanceOf(dev.latchkey.domain.error.RequestRejected.class);
        assertOAuth(
                OAuthError.INVALID_REQUEST,
                () -> handoff.resume(started.requestId(), Optional.of(started.browserSecret()), Optional.empty()));
        assertThat(resume).startsWith(ISSUER + "/oauth/authorize/resume?request_id=");
        assertThat(handoff.forgetExpired()).isZero();
        clock.advance(Duration.ofSeconds(1));
        assertThat(handoff.forgetExpired()).isEqualTo(1);
    }

    @Test
    void aCodeExpiresAfterItsLifetime() {
        String verifier = "v".repeat(50);
        String code = approvedCode("records:read", verifier);
        clock.advance(settings.codeLifetime());
        assertOAuth(OAuthError.INVALID_GRANT, () -> exchange(code, verifier));
    }

    @Test
    void theClientGetsAtMostWhatThePersonHoldsAndLosesWhatTheyLose() {
        String verifier = "w".repeat(60);
        IssuedTokens issued = exchange(approvedCode("records:read records:write", verifier), verifier);
        Principal principal = verify(issued.accessToken());
        assertThat(principal.scopes()).isEqualTo(ScopeSet.parseSpaceSeparated("records:read records:write"));
        assertThat(principal.isHuman()).as("metered as agent traffic").isFalse();
        assertThat(principal.audience()).contains(ISSUER);

        memberships.updateRole("ws_1", "usr_1", Role.VIEWER);
        clock.advance(Duration.ofSeconds(30));
        assertThat(verify(issued.accessToken()).scopes()).isEqualTo(ScopeSet.parseSpaceSeparated("records:read"));

        workspaces.markDeleted("ws_1", clock.instant());
        clock.advance(Duration.ofSeconds(30));
        assertAuth(AuthError.WORKSPACE_NOT_FOUND, () -> verify(issued.accessToken()));
    }

    @Test
    void anAccessTokenExpiresAfterAnHour() {
        String verifier = "x".repeat(43);
        IssuedTokens issued = exchange(approvedCode("records:read", verifier), verifier);
        verify(issued.accessToken());
        clock.advance(Duration.ofHours(1));
        assertAuth(AuthError.INVALID_OAUTH_TOKEN, () -> verify(issued.accessToken()));
        assertThat(refresh(issued.refreshToken().orElseThrow()).accessToken()).isNotEqualTo(issued.accessToken());
    }

    @Test
    void aRotatedRefreshTokenWorksWithinTheGraceWindowAndIsTheftAfterIt() {
        String verifier = "y".repeat(43);
        IssuedTokens first = exchange(approvedCode("records:read", verifier), verifier);
        IssuedTokens second = refresh(first.refreshToken().orElseThrow());

        clock.advance(GRACE.minusSeconds(1));
        IssuedTokens concurrent = refresh(first.refreshToken().orElseThrow());
        assertThat(verify(concurrent.accessToken())).isNotNull();

        clock.advance(Duration.ofSeconds(1));
        assertOAuth(OAuthError.INVALID_GRANT, () -> refresh(first.refreshToken().orElseThrow()));
        assertAuth(AuthError.INVALID_OAUTH_TOKEN, () -> verify(second.accessToken()));
        assertAuth(AuthError.INVALID_OAUTH_TOKEN, () -> verify(concurrent.accessToken()));
        assertOAuth(
                OAuthError.INVALID_GRANT, () -> refresh(second.refreshToken().orElseThrow()));
    }

    @Test
    void registrationIsLimitedPerAddress() {
        register.register(registration("none"), "10.0.0.9");
        register.register(registration("client_secret_post"), "10.0.0.9");
        register.register(registration("client_secret_basic"), "10.0.0.9");
        assertThatThrownBy(() -> register.register(registration("none"), "10.0.0.9"))
                .isInstanceOfSatisfying(
                        OAuthFailure.class, f -> assertThat(f.retryAfter()).isPresent());
        assertThat(register.register(registration("none"), "10.0.0.10").client())
                .isNotNull();
        clock.advance(Duration.ofHours(1));
        assertThat(register.register(registration("none"), "10.0.0.9").client()).isNotNull();
    }

    @Test
    void clientsThatNeverObtainATokenAreDeletedAfterTheIdlePeriod() {
        OAuthClient abandoned =
                register.register(registration("none"), "10.0.0.2").client();
        String verifier = "z".repeat(43);
        exchange(approvedCode("records:read", verifier), verifier);

        clock.advance(Duration.ofHours(25));
        assertThat(housekeeping.run()).isGreaterThanOrEqualTo(1);
        assertThat(clientStore.findById(abandoned.clientId())).isEmpty();
        assertThat(clientStore.findById(client.clientId())).as("used, so kept").isPresent();
    }

    @Test
    void redirectUrisFollowRfc8252() {
        assertThat(RedirectUris.problemWith("https://claude.ai/api/mcp/auth_callback"))
                .isEmpty();
        assertThat(RedirectUris.problemWith("cursor://anysphere.cursor-mcp/oauth/callback"))
                .isEmpty();
        assertThat(RedirectUris.problemWith("http://127.0.0.1:33418/")).isEmpty();
        assertThat(RedirectUris.problemWith("http://[::1]:8080/cb")).isEmpty();
        assertThat(RedirectUris.problemWith("com.example.app:/oauth2redirect"))
                .as("RFC 8252 §7.1")
                .isEmpty();
        for (String bad : List.of(
                "http://example.com/cb",
                "javascript:alert(1)",
                "JavaScript:alert(1)",
                "data:text/html,x",
                "vbscript:x",
                "blob:https://x/y",
                "https://x/cb#f",
                "c:\\windows",
                "",
                "cb",
                "ms-msdt:/id PCWDiagnostic",
                "search-ms:query=x",
                "intent://x#Intent;end",
                "ftp://x/cb",
                "myapp:/cb")) {
            assertThat(RedirectUris.problemWith(bad)).as(bad).isPresent();
        }
        assertThat(RedirectUris.matches("http://127.0.0.1:33418/", "http://127.0.0.1:50000/"))
                .isTrue();
        assertThat(RedirectUris.matches("http://127.0.0.1/cb", "http://127.0.0.1:50000/cb"))
                .isTrue();
        assertThat(RedirectUris.matches("http://127.0.0.1:33418/cb", "http://127.0.0.1:33418/other"))
                .isFalse();
        assertThat(RedirectUris.matches("http://localhost:1/cb", "http://127.0.0.1:1/cb"))
                .isFalse();
        assertThat(RedirectUris.matches("https://claude.ai/cb", "https://claude.ai:8443/cb"))
                .isFalse();
        assertThat(RedirectUris.matches("http://127.0.0.1:1/cb", "HTTP://127.0.0.1:1/cb"))
                .as("only the port may differ")
                .isFalse();
    }

    @Test
    void resourcesAtTheSamePathOnDifferentHostsAreToldApartByTheHost() {
        ProtectedResources hosts = new ProtectedResources(List.of(
                "https://auth.example.com", "https://mcp-a.example.com/mcp", "https://mcp-b.example.com:8443/mcp"));

        assertThat(hosts.forRequest(Optional.of("MCP-B.example.com:8443"), "/mcp/tools"))
                .contains("https://mcp-b.example.com:8443/mcp");
        assertThat(hosts.forRequest(Optional.of("mcp-a.example.com"), "/mcp"))
                .contains("https://mcp-a.example.com/mcp");
        assertThat(hosts.forRequest(Optional.of("mcp-b.example.com"), "/mcp"))
                .as("nginx's $host has no port")
                .contains("https://mcp-b.example.com:8443/mcp");
        assertThat(hosts.forRequest(Optional.empty(), "/mcp/tools"))
                .as("no host: either could be meant")
                .isEmpty();
        assertThat(hosts.forRequest(Optional.of("unknown.example.com"), "/mcp")).isEmpty();
        assertThat(hosts.forRequest(Optional.of("mcp-a.example.com"), "/other"))
                .as("not a resource of that host")
                .isEmpty();
        assertThat(hosts.forRequest(Optional.empty(), "/health")).contains("https://auth.example.com");
        assertThat(hosts.byPath(Optional.of("mcp-b.example.com:8443"), "/mcp"))
                .contains("https://mcp-b.example.com:8443/mcp");
        assertThat(hosts.byPath(Optional.of("latchkey.internal"), "/mcp")).isEmpty();
    }

    @Test
    void resourcesThatOnlyASchemeTellsApartAreRefusedNamingBoth() {
        assertThatThrownBy(() ->
                        new ProtectedResources(List.of("https://api.example.com/mcp", "http://api.example.com/mcp")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("https://api.example.com/mcp")
                .hasMessageContaining("http://api.example.com/mcp");
    }

    @Test
    void resourcesCompareWithoutTrailingSlashesAndMatchPathsOnSegments() {
        ProtectedResources two =
                new ProtectedResources(List.of("https://API.example.com/", "https://api.example.com/mcp"));
        assertThat(two.primary()).isEqualTo("https://api.example.com");
        assertThat(two.find("https://api.example.com/mcp/")).contains("https://api.example.com/mcp");
        assertThat(two.find("https://api.example.com/other")).isEmpty();
        assertThat(two.forPath("/mcp")).isEqualTo("https://api.example.com/mcp");
        assertThat(two.forPath("/mcp/tools/call")).isEqualTo("https://api.example.com/mcp");
        assertThat(two.forPath("/mcpx")).isEqualTo("https://api.example.com");
        assertThat(two.byPath("/mcp")).contains("https://api.example.com/mcp");
        assertThat(Map.of("a", two.byPath("/nope"))).containsEntry("a", Optional.empty());
    }

    @Test
    void aDeadTokenIsReadFromTheStoreOnceHowEverOftenItIsPresented() {
        java.util.concurrent.atomic.AtomicInteger reads = new java.util.concurrent.atomic.AtomicInteger();
        OAuthTokenStore counting = new OAuthTokenStore() {
            @Override
            public void insert(OAuthToken token) {
                tokens.insert(token);
            }

            @Override
            public Optional<OAuthToken> findByAccessHash(String accessHash) {
                reads.incrementAndGet();
                return tokens.findByAccessHash(accessHash);
            }

            @Override
            public Optional<OAuthToken> findByRefreshHash(String refreshHash) {
                return tokens.findByRefreshHash(refreshHash);
            }

            @Override
            public boolean markRotated(String id, java.time.Instant at) {
                return tokens.markRotated(id, at);
            }

            @Override
            public List<String> revokeFamily(String familyId, java.time.Instant at) {
                return tokens.revokeFamily(familyId, at);
            }

            @Override
            public List<OAuthToken> listLiveByUser(String userId, java.time.Instant now) {
                return tokens.listLiveByUser(userId, now);
            }

            @Override
            public int deleteExpiredBefore(java.time.Instant cutoff) {
                return tokens.deleteExpiredBefore(cutoff);
            }
        };
        OAuthTokenVerifier verifying = new OAuthTokenVerifier(
                counting,
                sealed,
                users,
                principals,
                new MachineClientPrincipals(clientStore, workspaces),
                new CachedTokenVerification(
                        new InMemoryVerificationCache(100),
                        clock,
                        Duration.ofSeconds(30),
                        Duration.ZERO,
                        AuthError.INVALID_OAUTH_TOKEN,
                        new InMemoryCaches()),
                settings,
                clock,
                new InMemoryCaches());
        PresentedCredential madeUp = new PresentedCredential.Bearer("lk_oat_" + "x".repeat(43));
        for (int i = 0; i < 5; i++) {
            assertAuth(AuthError.INVALID_OAUTH_TOKEN, () -> verifying.verify(madeUp));
        }
        assertThat(reads).hasValue(1);
    }
}
