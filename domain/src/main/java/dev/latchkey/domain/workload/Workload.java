package dev.latchkey.domain.workload;

import java.time.Instant;
import java.util.Objects;

/**
 * An agent or service registered by a tenant admin. It proves itself with its own secret (kept only
 * as an argon2id hash) when it asks for a workload token; what it may do comes from its approved
 * policy intersected with each delegating user's scopes.
 */
public record Workload(
        String id, String tenantId, String name, String secretHash, Instant createdAt, String createdBy) {

    public Workload {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(secretHash, "secretHash");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(createdBy, "createdBy");
        if (name.isBlank() || name.length() > 200) {
            throw new IllegalArgumentException("workload name must be 1..200 characters");
        }
    }
}
