package dev.latchkey.domain.audit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * Each workspace's audit events form a hash chain: an event's hash is SHA-256 over its predecessor's
 * hash and every field of the event, so editing a stored event changes its hash and deleting one
 * leaves its successor pointing at a hash that is no longer there. Stores append with {@link #link}
 * and refuse a second event after the same predecessor, which keeps the chain one line.
 *
 * <p>Times are hashed (and stored) to the millisecond, which every database keeps exactly.
 */
public final class AuditChain {
    /** The predecessor of a workspace's first chained event. */
    public static final String GENESIS = "0".repeat(64);

    private AuditChain() {}

    /** The time as stored and hashed. */
    public static Instant storedTime(Instant occurredAt) {
        return occurredAt.truncatedTo(ChronoUnit.MILLIS);
    }

    public static String link(String previousHash, AuditEvent event) {
        StringBuilder canonical = new StringBuilder();
        field(canonical, previousHash);
        field(canonical, event.id());
        field(canonical, event.workspaceId());
        field(canonical, Long.toString(storedTime(event.occurredAt()).toEpochMilli()));
        field(canonical, event.actorId());
        field(canonical, event.credentialId().orElse(null));
        field(canonical, event.action());
        field(canonical, event.targetId().orElse(null));
        field(canonical, event.sourceAddress().orElse(null));
        for (Map.Entry<String, String> detail : new TreeMap<>(event.details()).entrySet()) {
            field(canonical, detail.getKey());
            field(canonical, detail.getValue());
        }
        return HexFormat.of().formatHex(sha256(canonical.toString()));
    }

    /** Length-prefixed, so no value can pass for two (and an absent one is not an empty one). */
    private static void field(StringBuilder canonical, String value) {
        if (value == null) {
            canonical.append("-;");
        } else {
            canonical.append(value.length()).append(':').append(value).append(';');
        }
    }

    private static byte[] sha256(String text) {
        return dev.latchkey.domain.common.Sha256.of(text);
    }
}
