package dev.latchkey.domain.workload;

/**
 * Where a workload is in its life. A disabled workload keeps its grants and policies but gets no token
 * and its outstanding tokens stop; enabling it restores both. A deleted one is gone for good: its
 * grants are revoked, its secret proves nothing, and it is no longer listed or found by id.
 */
public enum WorkloadStatus {
    ACTIVE,
    DISABLED,
    DELETED
}
