package dev.latchkey.domain.testing.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.domain.grant.DelegationGrant;
import dev.latchkey.domain.grant.DelegationGrantStore;
import dev.latchkey.domain.scope.ScopeSet;
import dev.latchkey.domain.workload.PolicyStatus;
import dev.latchkey.domain.workload.RetiringSecret;
import dev.latchkey.domain.workload.Workload;
import dev.latchkey.domain.workload.WorkloadFederation;
import dev.latchkey.domain.workload.WorkloadPolicy;
import dev.latchkey.domain.workload.WorkloadStatus;
import dev.latchkey.domain.workload.WorkloadStore;
import dev.latchkey.domain.workloadtoken.IssuedWorkloadTokenStore;
import dev.latchkey.domain.workloadtoken.WorkloadTokenClaims;
import dev.latchkey.domain.workspace.Workspace;
import dev.latchkey.domain.workspace.WorkspaceStore;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link WorkloadStore} and {@link DelegationGrantStore} must do. */
public abstract class AgentStoresContract {
    private static final Instant T0 = Instant.parse("2026-04-01T09:00:00Z");

    protected WorkloadStore workloads;
    protected DelegationGrantStore grants;
    protected String tenant;

    protected abstract WorkloadStore workloadStore();

    protected abstract DelegationGrantStore delegationGrantStore();

    protected abstract WorkspaceStore workspaceStore();

    protected abstract IssuedWorkloadTokenStore issuedWorkloadTokenStore();

    @BeforeEach
    void setUpStores() {
        workloads = workloadStore();
        grants = delegationGrantStore();
        tenant = fresh("ws_");
        workspaceStore().insert(new Workspace(tenant, "agents", T0, Optional.empty()));
    }

    private static String fresh(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    }

    private Workload workload() {
        Workload w = new Workload(
                fresh("wl_"), tenant, "ingest agent", "$argon2id$v=19$m=8,t=1,p=1$c2FsdA$aGFzaA", T0, "usr_admin");
        workloads.insert(w);
        return w;
    }

    @Test
    void workloadsRoundTripAndListPerTenant() {
        Workload w = workload();

        assertThat(workloads.findById(w.id())).contains(w);
        assertThat(workloads.listByTenant(tenant)).containsExactly(w);
        assertThat(workloads.listByTenant(fresh("ws_"))).isEmpty();
    }

    @Test
    void policiesListNewestFirstAndPendingOldestFirstAndDecisionsAreStored() {
        Workload w = workload();
        WorkloadPolicy older = new WorkloadPolicy(
                fresh("pol_"),
                w.id(),
                tenant,
                ScopeSet.parse(List.of("records:read")),
                PolicyStatus.PROPOSED,
                "usr_admin",
                T0,
                Optional.empty(),
                Optional.empty());
        WorkloadPolicy newer = new WorkloadPolicy(
                fresh("pol_"),
                w.id(),
                tenant,
                ScopeSet.parse(List.of("records:*")),
                PolicyStatus.PROPOSED,
                "usr_admin",
                T0.plusSeconds(5),
                Optional.empty(),
                Optional.empty());
        workloads.insertPolicy(older);
        workloads.insertPolicy(newer);

        assertThat(workloads.listPolicies(w.id())).containsExactly(newer, older);
        assertThat(workloads.listPending(tenant)).containsExactly(older, newer);

        WorkloadPolicy approved = older.decided(PolicyStatus.APPROVED, "usr_owner", T0.plusSeconds(9));
        workloads.updatePolicy(approved);

        assertThat(workloads.findPolicy(older.id())).contains(approved);
        assertThat(workloads.listPending(tenant)).containsExactly(newer);
    }

    @Test
    void grantsRoundTripAndRevokeOnce() {
        Workload w = workload();
        DelegationGrant grant = new DelegationGrant(
                fresh("grant_"),
                tenant,
                "usr_ana",
                w.id(),
                ScopeSet.parse(List.of("records:read", "pipelines:*")),
                T0,
                T0.plusSeconds(3600),
                Optional.empty());
        grants.insert(grant);

        assertThat(grants.findById(grant.id())).contains(grant);
        assertThat(grants.listByTenant(tenant)).containsExactly(grant);
        assertThat(grants.markRevoked(grant.id(), T0.plusSeconds(60))).isTrue();
        assertThat(grants.markRevoked(grant.id(), T0.plusSeconds(61))).isFalse();
        assertThat(grants.findById(grant.id()).orElseThrow().revokedAt()).contains(T0.plusSeconds(60));
    }

    @Test
    void statusAndSecretsAreUpdatedAndADeletedWorkloadIsFoundButNotListed() {
        Workload w = workload();
        Workload rotated = new Workload(
                w.id(),
                w.tenantId(),
                w.name(),
                "sha256:new",
                w.createdAt(),
                w.createdBy(),
                WorkloadStatus.DISABLED,
                Optional.of(new RetiringSecret(w.secretHash(), T0.plusSeconds(3600))));
        workloads.update(rotated);

        assertThat(workloads.findById(w.id())).contains(rotated);
        assertThat(workloads.listByTenant(tenant)).containsExactly(rotated);

        Workload deleted = rotated.withStatus(WorkloadStatus.DELETED);
        workloads.update(deleted);
        assertThat(workloads.findById(w.id())).contains(deleted);
        assertThat(workloads.listByTenant(tenant)).isEmpty();

        Workload withoutOverlap = new Workload(
                w.id(),
                w.tenantId(),
                w.name(),
                "sha256:newer",
                w.createdAt(),
                w.createdBy(),
                WorkloadStatus.ACTIVE,
                Optional.empty());
        workloads.update(withoutOverlap);
        assertThat(workloads.findById(w.id())).contains(withoutOverlap);
    }

    @Test
    void aFederatedWorkloadIsFoundByItsIssuerAndSubjectOnly() {
        String subject = "system:serviceaccount:agents:" + fresh("sa-");
        Workload federated = new Workload(
                fresh("wl_"),
                tenant,
                "k8s agent",
                "sha256$unknowable",
                T0,
                "usr_admin",
                WorkloadStatus.ACTIVE,
                Optional.empty(),
                Optional.of(new WorkloadFederation("kubernetes", subject)));
        workloads.insert(federated);
        workload();

        assertThat(workloads.findById(federated.id())).contains(federated);
        assertThat(workloads.findByFederation("kubernetes", subject)).contains(federated);
        assertThat(workloads.findByFederation("github", subject)).isEmpty();
        assertThat(workloads.findByFederation("kubernetes", subject + "-other")).isEmpty();
        workloads.update(federated.withStatus(WorkloadStatus.DISABLED));
        assertThat(workloads
                        .findByFederation("kubernetes", subject)
                        .orElseThrow()
                        .status())
                .isEqualTo(WorkloadStatus.DISABLED);
    }

    @Test
    void issuedTokensListUnexpiredNewestFirstPerWorkloadAndExpiredOnesAreForgotten() {
        IssuedWorkloadTokenStore issued = issuedWorkloadTokenStore();
        String workload = fresh("wl_");
        WorkloadTokenClaims older = issuedToken(workload, T0, T0.plusSeconds(300));
        WorkloadTokenClaims newer = issuedToken(workload, T0.plusSeconds(60), T0.plusSeconds(360));
        WorkloadTokenClaims expired = issuedToken(workload, T0.minusSeconds(600), T0.minusSeconds(300));
        WorkloadTokenClaims another = issuedToken(fresh("wl_"), T0, T0.plusSeconds(300));
        for (WorkloadTokenClaims token : List.of(older, newer, expired, another)) {
            issued.insert(token);
        }

        assertThat(issued.unexpired(workload, T0.plusSeconds(61), 10)).containsExactly(newer, older);
        assertThat(issued.unexpired(workload, T0.plusSeconds(61), 1)).containsExactly(newer);
        assertThat(issued.unexpired(workload, T0.plusSeconds(300), 10)).containsExactly(newer);

        assertThat(issued.deleteExpiredBefore(T0.minusSeconds(299))).isGreaterThanOrEqualTo(1);
        assertThat(issued.unexpired(workload, T0.minusSeconds(1000), 10)).containsExactly(newer, older);
    }

    @Test
    void tokensIssuedAtOnceByManyThreadsAreEachStoredOnceWhenInsertReturns() throws Exception {
        IssuedWorkloadTokenStore issued = issuedWorkloadTokenStore();
        String workload = workload().id();
        List<WorkloadTokenClaims> tokens = IntStream.range(0, 400)
                .mapToObj(i -> issuedToken(workload, T0.plusMillis(i), T0.plusSeconds(300)))
                .toList();
        ExecutorService threads = Executors.newFixedThreadPool(16);
        try {
            List<Future<?>> inserts = tokens.stream()
                    .map(t -> threads.submit(() -> issued.insert(t)))
                    .collect(Collectors.toList());
            for (Future<?> insert : inserts) {
                insert.get(60, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }

        assertThat(issued.unexpired(workload, T0, 1_000)).containsExactlyInAnyOrderElementsOf(tokens);
    }

    private WorkloadTokenClaims issuedToken(String workloadId, Instant issuedAt, Instant expiresAt) {
        return new WorkloadTokenClaims(
                workloadId,
                "usr_ana",
                fresh("grant_"),
                tenant,
                ScopeSet.parse(List.of("records:read", "pipelines:run")),
                fresh("wjti_"),
                issuedAt,
                expiresAt);
    }
}
