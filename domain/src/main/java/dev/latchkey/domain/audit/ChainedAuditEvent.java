package dev.latchkey.domain.audit;

import java.util.Objects;
import java.util.Optional;

/**
 * A stored audit event with its place in the workspace's chain: its position in append order, the
 * hash it links to and its own. Events stored before the chain began have neither.
 */
public record ChainedAuditEvent(long position, AuditEvent event, Optional<String> previousHash, Optional<String> hash) {
    public ChainedAuditEvent {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(previousHash, "previousHash");
        Objects.requireNonNull(hash, "hash");
    }
}
