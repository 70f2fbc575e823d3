package dev.latchkey.domain.testing;

import dev.latchkey.domain.approval.Approval;
import dev.latchkey.domain.approval.ApprovalStatus;
import dev.latchkey.domain.approval.ApprovalStore;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The in-memory twin of the JDBI store; passes the same contract test. */
public final class InMemoryApprovalStore implements ApprovalStore {
    private final Map<String, Approval> approvals = new ConcurrentHashMap<>();

    @Override
    public synchronized Approval insertPending(Approval request) {
        String key = request.pendingKey();
        Optional<Approval> standing = approvals.values().stream()
                .filter(a -> a.status() == ApprovalStatus.PENDING
                        && a.pendingKey().equals(key)
                        && request.requestedAt().isBefore(a.expiresAt()))
                .findFirst();
        if (standing.isPresent()) {
            return standing.get();
        }
        approvals.put(request.id(), request);
        return request;
    }

    @Override
    public Optional<Approval> findById(String id) {
        return Optional.ofNullable(approvals.get(id));
    }

    @Override
    public List<Approval> listPending(String tenantId) {
        return approvals.values().stream()
                .filter(a -> a.tenantId().equals(tenantId) && a.status() == ApprovalStatus.PENDING)
                .sorted(Comparator.comparing(Approval::requestedAt).thenComparing(Approval::id))
                .toList();
    }

    @Override
    public synchronized boolean decide(Approval decided) {
        Approval current = approvals.get(decided.id());
        if (current == null || current.status() != ApprovalStatus.PENDING) {
            return false;
        }
        approvals.put(decided.id(), decided);
        return true;
    }

    @Override
    public synchronized boolean consume(String id) {
        Approval current = approvals.get(id);
        if (current == null || current.status() != ApprovalStatus.APPROVED) {
            return false;
        }
        approvals.put(id, current.used());
        return true;
    }
}
