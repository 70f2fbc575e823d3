package dev.latchkey.domain.approval;

/** Pending until a tenant admin decides; an approved approval is used once. */
public enum ApprovalStatus {
    PENDING,
    APPROVED,
    REJECTED,
    USED
}
