package dev.latchkey.benchmarks;

import dev.latchkey.cache.CaffeineCaches;
import dev.latchkey.cache.CaffeineVerificationCache;
import dev.latchkey.crypto.Hs256UserTokenCodec;
import dev.latchkey.crypto.Rs256WorkloadTokenCodec;
import dev.latchkey.crypto.WorkloadSigningKeys;
import dev.latchkey.domain.apikey.ApiKeyVerifier;
import dev.latchkey.domain.apikey.IssueApiKey;
import dev.latchkey.domain.apikey.LastUsedRecorder;
import dev.latchkey.domain.audit.AuditTrail;
import dev.latchkey.domain.audit.Initiator;
import dev.latchkey.domain.auth.AuthenticateRequest;
import dev.latchkey.domain.auth.AuthenticationListener;
import dev.latchkey.domain.auth.CachedTokenVerification;
import dev.latchkey.domain.auth.PresentedCredential;
import dev.latchkey.domain.auth.Principal;
import dev.latchkey.domain.auth.VerificationCache;
import dev.latchkey.domain.common.RandomIdGenerator;
import dev.latchkey.domain.error.AuthError;
import dev.latchkey.domain.grant.DelegationGrant;
import dev.latchkey.domain.grant.GrantScopes;
import dev.latchkey.domain.mail.EmailAddress;
import dev.latchkey.domain.membership.Membership;
import dev.latchkey.domain.membership.Role;
import dev.latchkey.domain.membership.RoleScopes;
import dev.latchkey.domain.membership.UserPrincipals;
import dev.latchkey.domain.oauth.OAuthSettings;
import dev.latchkey.domain.oauth.OAuthToken;
import dev.latchkey.domain.oauth.OAuthTokenVerifier;
import dev.latchkey.domain.oauth.TokenHashes;
import dev.latchkey.domain.scope.ScopeSet;
import dev.latchkey.domain.testing.FastTestHasher;
import dev.latchkey.domain.testing.InMemoryApiKeyStore;
import dev.latchkey.domain.testing.InMemoryAuditLog;
import dev.latchkey.domain.testing.InMemoryDelegationGrantStore;
import dev.latchkey.domain.testing.InMemoryMembershipStore;
import dev.latchkey.domain.testing.InMemoryOAuthTokenStore;
import dev.latchkey.domain.testing.InMemoryRevokedTokenStore;
import dev.latchkey.domain.testing.InMemorySigningKeyStore;
import dev.latchkey.domain.testing.InMemoryUserStore;
import dev.latchkey.domain.testing.InMemoryWorkloadStore;
import dev.latchkey.domain.testing.InMemoryWorkspaceStore;
import dev.latchkey.domain.token.IssueUserToken;
import dev.latchkey.domain.token.UserTokenCodec;
import dev.latchkey.domain.token.UserTokenVerifier;
import dev.latchkey.domain.user.User;
import dev.latchkey.domain.workload.PolicyStatus;
import dev.latchkey.domain.workload.Workload;
import dev.latchkey.domain.workload.WorkloadPolicy;
import dev.latchkey.domain.workloadtoken.WorkloadTokenClaims;
import dev.latchkey.domain.workloadtoken.WorkloadTokenVerifier;
import dev.latchkey.domain.workspace.lifecycle.CreateWorkspace;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The in-process decision path (credential → principal), per credential kind, through the same
 * {@link AuthenticateRequest} dispatcher the HTTP filter uses. Stores are the in-memory twins, so
 * this measures Latchkey's own work: a cached credential never reaches a store anyway.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class DecisionPathBenchmark {
    /** The Caffeine cache production runs, and the hand-written map it replaced (now the tests' twin). */
    @Param({"caffeine", "map"})
    public String cache;

    private VerificationCache newCache() {
        return cache.equals("caffeine")
                ? new CaffeineVerificationCache(100_000)
                : new dev.latchkey.domain.testing.InMemoryVerificationCache(100_000);
    }

    private AuthenticateRequest authenticate;
    private UserTokenCodec codec;
    private Optional<PresentedCredential> cachedApiKey;
    private Optional<PresentedCredential> cachedUserToken;
    private Optional<PresentedCredential> cachedOAuthToken;
    private Optional<PresentedCredential> unknownOAuthToken;
    private Optional<PresentedCredential> badChecksumKey;
    private Optional<PresentedCredential> garbageBearer;
    private Optional<PresentedCredential> cachedWorkloadToken;
    private Optional<PresentedCredential> expiredWorkloadToken;
    private String userToken;
    private ScopeSet held;
    private ScopeSet requested;

    @Setup
    public void setUp() {
        Clock clock = Clock.systemUTC();
        SecureRandom random = new SecureRandom();
        RandomIdGenerator ids = new RandomIdGenerator(random);
        InMemoryApiKeyStore keys = new InMemoryApiKeyStore();
        InMemoryWorkspaceStore workspaces = new InMemoryWorkspaceStore();
        InMemoryMembershipStore memberships = new InMemoryMembershipStore();
        InMemoryUserStore users = new InMemoryUserStore();
        FastTestHasher hasher = new FastTestHasher();
        AuditTrail audit = new AuditTrail(new InMemoryAuditLog(), ids, clock);
        IssueApiKey issue = new IssueApiKey(keys, hasher, ids, random, clock, audit);
        CreateWorkspace.Created created =
                new CreateWorkspace(workspaces, issue, ids, clock, audit).execute("bench", Initiator.operator("bench"));

        ApiKeyVerifier apiKeys = new ApiKeyVerifier(
                keys,
                workspaces,
                hasher,
                newCache(),
                new LastUsedRecorder(keys, Duration.ofMinutes(1)),
                clock,
                Duration.ofHours(1),
                new CaffeineCaches(new com.codahale.metrics.MetricRegistry()));
        codec = new Hs256UserTokenCodec(
                "benchmark-secret-benchmark-secret-0123".getBytes(StandardCharsets.UTF_8),
                "latchkey",
                clock,
                Duration.ofSeconds(30));
        User user = new User(
                "usr_bench",
                EmailAddress.parse("bench@example.com"),
                Optional.empty(),
                clock.instant(),
                Optional.empty());
        users.insert(user);
        memberships.insert(
                new Membership(created.workspace().id(), user.id(), Role.ADMIN, clock.instant(), Optional.empty()));
        UserTokenVerifier userTokens = new UserTokenVerifier(
                codec,
                new InMemoryRevokedTokenStore(),
                users,
                new UserPrincipals(memberships, workspaces, RoleScopes.defaults()),
                new CachedTokenVerification(
                        newCache(),
                        clock,
                        Duration.ofHours(1),
                        new CaffeineCaches(new com.codahale.metrics.MetricRegistry())));
        OAuthSettings oauth = new OAuthSettings(
                "https://latchkey.example",
                "lk_",
                ScopeSet.parse(List.of("records:read", "records:write")),
                ScopeSet.parse(List.of("records:read")),
                Duration.ofHours(1),
                Duration.ofDays(30),
                Duration.ofMinutes(5),
                Duration.ofSeconds(30));
        InMemoryOAuthTokenStore oauthTokens = new InMemoryOAuthTokenStore();
        String oauthToken = oauth.accessTokenPrefix() + "benchmarkAccessToken0123456789abcdefghijklmnopq";
        oauthTokens.insert(new OAuthToken(
                "oat_bench",
                "ofam_bench",
                "client_bench",
                Optional.of(user.id()),
                created.workspace().id(),
                ScopeSet.parse(List.of("records:read")),
                ScopeSet.parse(List.of("records:read")),
                "https://latchkey.example",
                TokenHashes.of(oauthToken),
                clock.instant().plus(Duration.ofDays(1)),
                Optional.of(TokenHashes.of("refresh")),
                clock.instant().plus(Duration.ofDays(30)),
                clock.instant(),
                Optional.empty(),
                Optional.empty()));
        OAuthTokenVerifier oauthVerifier = new OAuthTokenVerifier(
                oauthTokens,
                new dev.latchkey.domain.oauth.SealedMachineTokens(
                        new byte[32],
                        oauth.issuer(),
                        oauth.accessTokenPrefix(),
                        new dev.latchkey.domain.testing.InMemoryRevokedTokenStore()),
                users,
                new UserPrincipals(memberships, workspaces, RoleScopes.defaults()),
                new dev.latchkey.domain.oauth.MachineClientPrincipals(
                        new dev.latchkey.domain.testing.InMemoryOAuthClientStore(), workspaces),
                new CachedTokenVerification(
                        newCache(),
                        clock,
                        Duration.ofHours(1),
                        Duration.ZERO,
                        AuthError.INVALID_OAUTH_TOKEN,
                        new CaffeineCaches(new com.codahale.metrics.MetricRegistry())),
                oauth,
                clock,
                new CaffeineCaches(new com.codahale.metrics.MetricRegistry()));
        // A workload acting for the user under an approved policy and a live grant, RS256 as in production.
        InMemoryWorkloadStore workloads = new InMemoryWorkloadStore();
        InMemoryDelegationGrantStore grants = new InMemoryDelegationGrantStore();
        ScopeSet recordsRead = ScopeSet.parse(List.of("records:read"));
        String tenant = created.workspace().id();
        workloads.insert(new Workload("wl_bench", tenant, "bench agent", "unused", clock.instant(), user.id()));
        workloads.insertPolicy(new WorkloadPolicy(
                "wpol_bench",
                "wl_bench",
                tenant,
                recordsRead,
                PolicyStatus.APPROVED,
                user.id(),
                clock.instant(),
                Optional.of(user.id()),
                Optional.of(clock.instant())));
        grants.insert(new DelegationGrant(
                "grant_bench",
                tenant,
                user.id(),
                "wl_bench",
                recordsRead,
                clock.instant(),
                clock.instant().plus(Duration.ofDays(1)),
                Optional.empty()));
        Rs256WorkloadTokenCodec workloadCodec = new Rs256WorkloadTokenCodec(
                new WorkloadSigningKeys(
                        new InMemorySigningKeyStore(),
                        new byte[32],
                        clock,
                        Duration.ZERO,
                        Duration.ofMinutes(6),
                        Duration.ofMinutes(1)),
                "latchkey",
                "latchkey-internal",
                clock);
        WorkloadTokenVerifier workloadTokens = new WorkloadTokenVerifier(
                workloadCodec,
                grants,
                new GrantScopes(memberships, workloads, RoleScopes.defaults(), workspaces),
                new InMemoryRevokedTokenStore(),
                new CachedTokenVerification(
                        newCache(),
                        clock,
                        Duration.ofHours(1),
                        new CaffeineCaches(new com.codahale.metrics.MetricRegistry())),
                clock);
        cachedWorkloadToken = Optional.of(new PresentedCredential.Bearer(workloadCodec.sign(new WorkloadTokenClaims(
                "wl_bench",
                user.id(),
                "grant_bench",
                tenant,
                recordsRead,
                "wjti_live",
                clock.instant(),
                clock.instant().plus(Duration.ofMinutes(5))))));
        expiredWorkloadToken = Optional.of(new PresentedCredential.Bearer(workloadCodec.sign(new WorkloadTokenClaims(
                "wl_bench",
                user.id(),
                "grant_bench",
                tenant,
                recordsRead,
                "wjti_expired",
                clock.instant().minus(Duration.ofHours(1)),
                clock.instant().minus(Duration.ofMinutes(55))))));

        // The server's order: workload tokens first (they share our issuer with user tokens; only they are at+jwt).
        authenticate = new AuthenticateRequest(
                List.of(workloadTokens, apiKeys, oauthVerifier, userTokens), AuthenticationListener.NONE);
        authenticate.authenticate(cachedWorkloadToken);
        cachedOAuthToken = Optional.of(new PresentedCredential.Bearer(oauthToken));
        unknownOAuthToken = Optional.of(new PresentedCredential.Bearer(oauth.accessTokenPrefix() + "unknown"));
        authenticate.authenticate(cachedOAuthToken);

        String key = created.firstKey().secret().value();
        userToken = new IssueUserToken(codec, memberships, ids, clock, Duration.ofDays(1))
                .forUser(user)
                .value();
        cachedApiKey = Optional.of(new PresentedCredential.Bearer(key));
        cachedUserToken = Optional.of(new PresentedCredential.Bearer(userToken));
        badChecksumKey = Optional.of(
                new PresentedCredential.Bearer(key.substring(0, key.length() - 1) + (key.endsWith("A") ? "B" : "A")));
        garbageBearer = Optional.of(new PresentedCredential.Bearer("not-a-credential-of-any-kind"));
        authenticate.authenticate(cachedApiKey);
        authenticate.authenticate(cachedUserToken);
        held = ScopeSet.parse(List.of("records:*", "audit:read", "api_keys:read", "pipelines:write"));
        requested = ScopeSet.parse(List.of("records:read", "records:write", "audit:*", "pipelines:write"));
    }

    @Benchmark
    public Principal apiKeyCached() {
        return authenticate.authenticate(cachedApiKey);
    }

    @Benchmark
    public Principal oauthTokenCached() {
        return authenticate.authenticate(cachedOAuthToken);
    }

    /** An unknown OAuth token: one indexed read (here, the in-memory twin), never cached. */
    @Benchmark
    public Object oauthTokenUnknownRejected() {
        return refusalOf(unknownOAuthToken);
    }

    @Benchmark
    public Principal userTokenCached() {
        return authenticate.authenticate(cachedUserToken);
    }

    /** The HS256 check alone, as paid once per token per revalidation window. */
    @Benchmark
    public Object userTokenSignatureCheck() {
        return codec.verify(userToken);
    }

    @Benchmark
    public Principal workloadTokenCached() {
        return authenticate.authenticate(cachedWorkloadToken);
    }

    /** A workload token an hour past its expiry, replayed: refused without an RSA verification. */
    @Benchmark
    public Object workloadTokenExpiredRejected() {
        return refusalOf(expiredWorkloadToken);
    }

    @Benchmark
    public Object apiKeyBadChecksumRejected() {
        return refusalOf(badChecksumKey);
    }

    @Benchmark
    public Object unknownBearerRejected() {
        return refusalOf(garbageBearer);
    }

    @Benchmark
    public ScopeSet scopeIntersection() {
        return held.intersect(requested);
    }

    /** A refusal is the answer being measured: returned, so that JMH keeps the work. */
    private Object refusalOf(Optional<PresentedCredential> credential) {
        try {
            return authenticate.authenticate(credential);
        } catch (RuntimeException rejected) {
            return rejected;
        }
    }
}
