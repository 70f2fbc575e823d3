package dev.latchkey.domain.testing;

import dev.latchkey.domain.workspace.Workspace;
import dev.latchkey.domain.workspace.WorkspaceStore;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The in-memory twin of the JDBI store; passes the same contract test. */
public final class InMemoryWorkspaceStore implements WorkspaceStore {
    private final Map<String, Workspace> byId = new ConcurrentHashMap<>();
    private final Map<String, String> bootstrappedBy = new ConcurrentHashMap<>();

    @Override
    public void insert(Workspace workspace) {
        if (byId.putIfAbsent(workspace.id(), workspace) != null) {
            throw new IllegalStateException("duplicate workspace id " + workspace.id());
        }
    }

    @Override
    public Optional<Workspace> findById(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    @Override
    public synchronized boolean insertBootstrappedBy(Workspace workspace, String userId) {
        if (bootstrappedBy.containsKey(userId)) {
            return false;
        }
        insert(workspace);
        bootstrappedBy.put(userId, workspace.id());
        return true;
    }

    @Override
    public Optional<Workspace> findBootstrappedBy(String userId) {
        return Optional.ofNullable(bootstrappedBy.get(userId)).map(byId::get);
    }

    @Override
    public synchronized boolean markDeleted(String id, Instant at) {
        Workspace w = byId.get(id);
        if (w == null || w.isDeleted()) {
            return false;
        }
        byId.put(id, new Workspace(w.id(), w.name(), w.createdAt(), Optional.of(at)));
        bootstrappedBy.values().remove(id);
        return true;
    }
}
