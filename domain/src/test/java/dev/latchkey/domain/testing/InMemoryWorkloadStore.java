package dev.latchkey.domain.testing;

import dev.latchkey.domain.workload.PolicyStatus;
import dev.latchkey.domain.workload.Workload;
import dev.latchkey.domain.workload.WorkloadFederation;
import dev.latchkey.domain.workload.WorkloadPolicy;
import dev.latchkey.domain.workload.WorkloadStatus;
import dev.latchkey.domain.workload.WorkloadStore;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/** The in-memory twin of the JDBI store; passes the same contract test. */
public final class InMemoryWorkloadStore implements WorkloadStore {
    private final Map<String, Workload> workloads = new ConcurrentHashMap<>();
    private final Map<String, WorkloadPolicy> policies = new ConcurrentHashMap<>();

    @Override
    public void insert(Workload workload) {
        workloads.put(workload.id(), workload);
    }

    @Override
    public Optional<Workload> findById(String id) {
        return Optional.ofNullable(workloads.get(id));
    }

    @Override
    public Optional<Workload> findByFederation(String issuer, String subject) {
        return workloads.values().stream()
                .filter(w -> w.federation().equals(Optional.of(new WorkloadFederation(issuer, subject))))
                .findFirst();
    }

    @Override
    public void update(Workload workload) {
        workloads.computeIfPresent(workload.id(), (id, old) -> workload);
    }

    @Override
    public List<Workload> listByTenant(String tenantId) {
        return workloads.values().stream()
                .filter(w -> w.tenantId().equals(tenantId) && w.status() != WorkloadStatus.DELETED)
                .sorted(Comparator.comparing(Workload::createdAt).thenComparing(Workload::id))
                .collect(Collectors.toList());
    }

    @Override
    public void insertPolicy(WorkloadPolicy policy) {
        policies.put(policy.id(), policy);
    }

    @Override
    public void updatePolicy(WorkloadPolicy policy) {
        policies.computeIfPresent(policy.id(), (id, old) -> policy);
    }

    @Override
    public Optional<WorkloadPolicy> findPolicy(String policyId) {
        return Optional.ofNullable(policies.get(policyId));
    }

    @Override
    public List<WorkloadPolicy> listPolicies(String workloadId) {
        return policies.values().stream()
                .filter(p -> p.workloadId().equals(workloadId))
                .sorted(Comparator.comparing(WorkloadPolicy::proposedAt)
                        .thenComparing(WorkloadPolicy::id)
                        .reversed())
                .collect(Collectors.toList());
    }

    @Override
    public List<WorkloadPolicy> listPending(String tenantId) {
        return policies.values().stream()
                .filter(p -> p.tenantId().equals(tenantId) && p.status() == PolicyStatus.PROPOSED)
                .sorted(Comparator.comparing(WorkloadPolicy::proposedAt).thenComparing(WorkloadPolicy::id))
                .collect(Collectors.toList());
    }
}
