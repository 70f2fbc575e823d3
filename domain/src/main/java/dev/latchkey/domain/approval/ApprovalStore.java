package dev.latchkey.domain.approval;

import java.util.List;
import java.util.Optional;

/** Approval requests and decisions. */
public interface ApprovalStore {

    void insert(Approval approval);

    Optional<Approval> findById(String id);

    /** The tenant's pending requests, oldest first. */
    List<Approval> listPending(String tenantId);

    /** Records a decision on a pending approval; false when it was no longer pending. */
    boolean decide(Approval decided);

    /** Marks an approved approval used; false when it was not (still) approved — so it is used at most once. */
    boolean consume(String id);
}
