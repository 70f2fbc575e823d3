package dev.latchkey.benchmarks;

import dev.latchkey.crypto.Argon2Parameters;
import dev.latchkey.crypto.Argon2SecretHasher;
import dev.latchkey.crypto.Rs256WorkloadTokenCodec;
import dev.latchkey.crypto.WorkloadSigningKeys;
import dev.latchkey.domain.common.GeneratedSecretHasher;
import dev.latchkey.domain.common.RandomIdGenerator;
import dev.latchkey.domain.common.SecretHasher;
import dev.latchkey.domain.external.ExternalTokenVerifier;
import dev.latchkey.domain.grant.DelegationGrant;
import dev.latchkey.domain.grant.GrantScopes;
import dev.latchkey.domain.membership.Membership;
import dev.latchkey.domain.membership.Role;
import dev.latchkey.domain.membership.RoleScopes;
import dev.latchkey.domain.scope.ScopeSet;
import dev.latchkey.domain.testing.InMemoryDelegationGrantStore;
import dev.latchkey.domain.testing.InMemoryIssuedWorkloadTokenStore;
import dev.latchkey.domain.testing.InMemoryMembershipStore;
import dev.latchkey.domain.testing.InMemorySigningKeyStore;
import dev.latchkey.domain.testing.InMemoryWorkloadStore;
import dev.latchkey.domain.testing.InMemoryWorkspaceStore;
import dev.latchkey.domain.workload.PolicyStatus;
import dev.latchkey.domain.workload.Workload;
import dev.latchkey.domain.workload.WorkloadPolicy;
import dev.latchkey.domain.workloadtoken.IssueWorkloadToken;
import dev.latchkey.domain.workloadtoken.RememberedGrantTerms;
import dev.latchkey.domain.workloadtoken.WorkloadProof;
import dev.latchkey.domain.workspace.Workspace;
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
 * A machine authenticating with its secret and getting a signed token — the work of
 * {@code POST /internal/auth/workload-token} in process, RS256-signed as in production, with the
 * workload secret hashed as before (argon2id, OWASP parameters) and as now (SHA-256 of a 261-bit
 * secret, {@code GeneratedSecretHasher}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class WorkloadTokenIssueBenchmark {
    @Param({"sha256", "argon2id"})
    public String secretHash;

    private IssueWorkloadToken issue;
    private String secret;

    @Setup
    public void setUp() {
        Clock clock = Clock.systemUTC();
        RandomIdGenerator ids = new RandomIdGenerator(new SecureRandom());
        SecretHasher argon2 = new Argon2SecretHasher(Argon2Parameters.OWASP);
        SecretHasher hasher = secretHash.equals("sha256") ? new GeneratedSecretHasher(argon2) : argon2;
        InMemoryWorkspaceStore workspaces = new InMemoryWorkspaceStore();
        InMemoryMembershipStore memberships = new InMemoryMembershipStore();
        InMemoryWorkloadStore workloads = new InMemoryWorkloadStore();
        InMemoryDelegationGrantStore grants = new InMemoryDelegationGrantStore();
        ScopeSet recordsRead = ScopeSet.parse(List.of("records:read"));
        workspaces.insert(new Workspace("ws_bench", "bench", clock.instant(), Optional.empty()));
        memberships.insert(new Membership("ws_bench", "usr_bench", Role.ADMIN, clock.instant(), Optional.empty()));
        secret = "wk_benchmarkSecretOfFortyFourCharacters012345";
        workloads.insert(
                new Workload("wl_bench", "ws_bench", "bench agent", hasher.hash(secret), clock.instant(), "usr_bench"));
        workloads.insertPolicy(new WorkloadPolicy(
                "wpol_bench",
                "wl_bench",
                "ws_bench",
                recordsRead,
                PolicyStatus.APPROVED,
                "usr_bench",
                clock.instant(),
                Optional.of("usr_bench"),
                Optional.of(clock.instant())));
        grants.insert(new DelegationGrant(
                "grant_bench",
                "ws_bench",
                "usr_bench",
                "wl_bench",
                recordsRead,
                clock.instant(),
                clock.instant().plus(Duration.ofDays(1)),
                Optional.empty()));
        Rs256WorkloadTokenCodec codec = new Rs256WorkloadTokenCodec(
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
        issue = new IssueWorkloadToken(
                new WorkloadProof(workloads, hasher, ExternalTokenVerifier.NONE, clock),
                grants,
                new GrantScopes(memberships, workloads, RoleScopes.defaults(), workspaces),
                codec,
                new InMemoryIssuedWorkloadTokenStore(),
                ids,
                clock,
                RememberedGrantTerms.NONE);
    }

    @Benchmark
    public String issueAToken() {
        return issue.execute("wl_bench", secret, "grant_bench").token().value();
    }
}
