package dev.latchkey.domain.audit;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One credential or admin event: who (actor and credential id), what (action and target), in which
 * workspace, when and from where. Never holds a secret: details carry ids, names and prefixes only.
 */
public record AuditEvent(
        String id,
        String workspaceId,
        Instant occurredAt,
        String actorId,
        Optional<String> credentialId,
        String action,
        Optional<String> targetId,
        Optional<String> sourceAddress,
        Map<String, String> details) {

    public AuditEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(workspaceId, "workspaceId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(actorId, "actorId");
        Objects.requireNonNull(credentialId, "credentialId");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(targetId, "targetId");
        Objects.requireNonNull(sourceAddress, "sourceAddress");
        details = Map.copyOf(details);
    }
}
