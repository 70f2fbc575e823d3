package dev.latchkey.domain.testing.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.domain.grant.DelegationGrant;
import dev.latchkey.domain.grant.DelegationGrantStore;
import dev.latchkey.domain.scope.ScopeSet;
import dev.latchkey.domain.workload.PolicyStatus;
import dev.latchkey.domain.workload.Workload;
import dev.latchkey.domain.workload.WorkloadPolicy;
import dev.latchkey.domain.workload.WorkloadStore;
import dev.latchkey.domain.workspace.Workspace;
import dev.latchkey.domain.workspace.WorkspaceStore;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
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
}
