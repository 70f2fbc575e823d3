package dev.latchkey.domain.workload;

import java.util.List;
import java.util.Optional;

/** Workloads and their policy versions. */
public interface WorkloadStore {

    void insert(Workload workload);

    /** Replaces the workload's status and secrets; its id, tenant, name and creation stay. */
    void update(Workload workload);

    /** Found whatever its status, deleted included: a verifier must tell a deleted workload from none. */
    Optional<Workload> findById(String id);

    /** The workload, deleted or not, whose platform identity is pinned to this issuer and subject. */
    Optional<Workload> findByFederation(String issuer, String subject);

    /** The tenant's workloads that are not deleted, oldest first. */
    List<Workload> listByTenant(String tenantId);

    void insertPolicy(WorkloadPolicy policy);

    /** Replaces a policy's status and decision fields. */
    void updatePolicy(WorkloadPolicy policy);

    Optional<WorkloadPolicy> findPolicy(String policyId);

    /** Every policy of the workload, newest proposal first. */
    List<WorkloadPolicy> listPolicies(String workloadId);

    /** The tenant's policies awaiting a decision, oldest first. */
    List<WorkloadPolicy> listPending(String tenantId);
}
