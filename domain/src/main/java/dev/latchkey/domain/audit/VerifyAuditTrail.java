package dev.latchkey.domain.audit;

import java.util.List;
import java.util.Optional;

/**
 * {@code latchkey audit verify}: walks each workspace's chain in append order and recomputes every
 * hash. An edited event no longer hashes to what is stored; a deleted one leaves the next event
 * linking to a hash that is not its predecessor's; either is reported at the first event where the
 * chain breaks. Removing the newest events leaves a shorter, valid chain: compare the printed head
 * with one recorded elsewhere to catch that.
 */
public final class VerifyAuditTrail {
    private static final int PAGE = 500;

    /** Where and why a chain broke. */
    public record Break(String eventId, long position, String reason) {}

    /**
     * One workspace's verdict: how many chained events were checked, how many older ones predate the
     * chain, the newest hash, and the first break if any.
     */
    public record Verdict(String workspaceId, long chained, long unchained, String head, Optional<Break> broken) {
        public boolean intact() {
            return broken.isEmpty();
        }
    }

    private final AuditLog log;

    public VerifyAuditTrail(AuditLog log) {
        this.log = log;
    }

    public List<Verdict> everyWorkspace() {
        return log.workspaces().stream().map(this::workspace).toList();
    }

    public Verdict workspace(String workspaceId) {
        String expected = AuditChain.GENESIS;
        long chained = 0;
        long unchained = 0;
        long after = 0;
        while (true) {
            List<ChainedAuditEvent> page = log.inAppendOrder(workspaceId, after, PAGE);
            for (ChainedAuditEvent stored : page) {
                after = stored.position();
                if (stored.hash().isEmpty()) {
                    if (chained > 0) {
                        return broken(workspaceId, chained, unchained, expected, stored, "its hash was removed");
                    }
                    unchained++;
                    continue;
                }
                String previous = stored.previousHash().orElse("");
                if (!previous.equals(expected)) {
                    return broken(
                            workspaceId,
                            chained,
                            unchained,
                            expected,
                            stored,
                            chained == 0
                                    ? "the chain does not start here: an earlier event is missing"
                                    : "it does not follow the event before it: an event between them is missing");
                }
                if (!AuditChain.link(previous, stored.event())
                        .equals(stored.hash().get())) {
                    return broken(
                            workspaceId, chained, unchained, expected, stored, "it was changed after it was written");
                }
                expected = stored.hash().get();
                chained++;
            }
            if (page.size() < PAGE) {
                return new Verdict(workspaceId, chained, unchained, expected, Optional.empty());
            }
        }
    }

    private static Verdict broken(
            String workspaceId, long chained, long unchained, String head, ChainedAuditEvent at, String reason) {
        return new Verdict(
                workspaceId,
                chained,
                unchained,
                head,
                Optional.of(new Break(at.event().id(), at.position(), reason)));
    }
}
