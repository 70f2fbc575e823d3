package dev.latchkey.domain.audit;

import dev.latchkey.domain.common.IdGenerator;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/** Writes audit events for use cases, stamping id, time and initiator in one place. */
public final class AuditTrail {
    private final AuditLog log;
    private final IdGenerator ids;
    private final Clock clock;

    public AuditTrail(AuditLog log, IdGenerator ids, Clock clock) {
        this.log = log;
        this.ids = ids;
        this.clock = clock;
    }

    /** Records the event; an impersonated session's events name the impersonator ({@code impersonated_by}). */
    public void record(
            String workspaceId, Initiator initiator, String action, String targetId, Map<String, String> details) {
        Map<String, String> recorded = details;
        if (initiator.impersonator().isPresent()) {
            recorded = new java.util.LinkedHashMap<>(details);
            recorded.put("impersonated_by", initiator.impersonator().get());
        }
        log.append(new AuditEvent(
                ids.newId("evt"),
                workspaceId,
                AuditChain.storedTime(clock.instant()),
                initiator.actorId(),
                initiator.credentialId(),
                action,
                Optional.ofNullable(targetId),
                initiator.sourceAddress(),
                recorded));
    }
}
