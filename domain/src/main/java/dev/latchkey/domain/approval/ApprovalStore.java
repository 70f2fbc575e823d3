package dev.latchkey.domain.approval;

import java.util.List;
import java.util.Optional;

/** Approval requests and decisions. */
public interface ApprovalStore {

    /**
     * Stores a new pending request — unless one for the same action ({@link Approval#pendingKey}) is
     * already pending and not expired at the new one's {@code requestedAt}, even one stored a moment
     * ago by another instance: then that one stands, and is returned. An expired one gives way.
     *
     * @return the request that stands for this action: {@code request}, or the earlier one
     */
    Approval insertPending(Approval request);

    Optional<Approval> findById(String id);

    /** The tenant's pending requests, oldest first. */
    List<Approval> listPending(String tenantId);

    /** Records a decision on a pending approval; false when it was no longer pending. */
    boolean decide(Approval decided);

    /** Marks an approved approval used; false when it was not (still) approved — so it is used at most once. */
    boolean consume(String id);
}
