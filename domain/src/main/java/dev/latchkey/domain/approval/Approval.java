package dev.latchkey.domain.approval;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A workload's request to perform one sensitive action, and a tenant admin's decision on it. It is
 * bound to the workload, the grant it acts under, the method, the resource (path) and the SHA-256 of
 * the exact request body; it expires, and it is used at most once.
 */
public record Approval(
        String id,
        String tenantId,
        String workloadId,
        String grantId,
        String method,
        String resource,
        String bodySha256,
        ApprovalStatus status,
        Instant requestedAt,
        Instant expiresAt,
        Optional<String> decidedBy,
        Optional<Instant> decidedAt,
        Optional<String> reason) {

    /** The longest reason an admin may give for a decision. */
    public static final int MAX_REASON_LENGTH = 500;

    public Approval {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(workloadId, "workloadId");
        Objects.requireNonNull(grantId, "grantId");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(bodySha256, "bodySha256");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(requestedAt, "requestedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(decidedBy, "decidedBy");
        Objects.requireNonNull(decidedAt, "decidedAt");
        Objects.requireNonNull(reason, "reason");
    }

    /** A request nobody has decided yet. */
    public static Approval pending(
            String id,
            String tenantId,
            String workloadId,
            String grantId,
            String method,
            String resource,
            String bodySha256,
            Instant requestedAt,
            Instant expiresAt) {
        return new Approval(
                id,
                tenantId,
                workloadId,
                grantId,
                method,
                resource,
                bodySha256,
                ApprovalStatus.PENDING,
                requestedAt,
                expiresAt,
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
    }

    /**
     * What makes two requests one: the workspace, workload, grant, method, resource and body, as the
     * SHA-256 of those fields length-prefixed. While a request is pending, a second for the same key is
     * that request ({@link ApprovalStore#insertPending}).
     */
    public String pendingKey() {
        try {
            java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
            for (String field : new String[] {
                tenantId,
                workloadId,
                grantId,
                method.toUpperCase(java.util.Locale.ROOT),
                resource,
                bodySha256.toLowerCase(java.util.Locale.ROOT)
            }) {
                byte[] bytes = field.getBytes(java.nio.charset.StandardCharsets.UTF_8);
                sha.update(java.nio.ByteBuffer.allocate(4).putInt(bytes.length).array());
                sha.update(bytes);
            }
            return java.util.HexFormat.of().formatHex(sha.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is unavailable", e);
        }
    }

    /** Whether this approval covers exactly this action. */
    public boolean covers(String workload, String grant, String requestMethod, String path, String bodyHash) {
        return workloadId.equals(workload)
                && grantId.equals(grant)
                && method.equalsIgnoreCase(requestMethod)
                && resource.equals(path)
                && bodySha256.equalsIgnoreCase(bodyHash);
    }

    public Approval decided(ApprovalStatus decision, String by, Instant at) {
        return decided(decision, by, at, Optional.empty());
    }

    /** Decided by {@code by} at {@code at}, with the reason the admin gave (shown to the workload). */
    public Approval decided(ApprovalStatus decision, String by, Instant at, Optional<String> why) {
        return new Approval(
                id,
                tenantId,
                workloadId,
                grantId,
                method,
                resource,
                bodySha256,
                decision,
                requestedAt,
                expiresAt,
                Optional.of(by),
                Optional.of(at),
                why);
    }

    /** Spent: an approved approval lets exactly one request through. */
    public Approval used() {
        return new Approval(
                id,
                tenantId,
                workloadId,
                grantId,
                method,
                resource,
                bodySha256,
                ApprovalStatus.USED,
                requestedAt,
                expiresAt,
                decidedBy,
                decidedAt,
                reason);
    }
}
