package dev.latchkey.domain.workload;

/**
 * A scope policy's life: proposed, then approved or rejected by a tenant admin; an approved policy
 * is superseded when a newer one is approved. Only the one approved policy counts.
 */
public enum PolicyStatus {
    PROPOSED,
    APPROVED,
    REJECTED,
    SUPERSEDED
}
