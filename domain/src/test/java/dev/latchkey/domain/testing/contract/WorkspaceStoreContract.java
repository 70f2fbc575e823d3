package dev.latchkey.domain.testing.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.domain.workspace.Workspace;
import dev.latchkey.domain.workspace.WorkspaceStore;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every {@link WorkspaceStore} must do. */
public abstract class WorkspaceStoreContract {
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    protected abstract WorkspaceStore workspaceStore();

    private static String freshId() {
        return "ws_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    }

    @Test
    void insertThenFindReturnsTheWorkspace() {
        WorkspaceStore store = workspaceStore();
        Workspace ws = new Workspace(freshId(), "Acme Tattoo", T0, Optional.empty());

        store.insert(ws);

        assertThat(store.findById(ws.id())).contains(ws);
    }

    @Test
    void findWhenUnknownThenEmpty() {
        assertThat(workspaceStore().findById(freshId())).isEmpty();
    }

    @Test
    void markDeletedKeepsTheRowWithItsDeletionTime() {
        WorkspaceStore store = workspaceStore();
        Workspace ws = new Workspace(freshId(), "Doomed", T0, Optional.empty());
        store.insert(ws);

        assertThat(store.markDeleted(ws.id(), T0.plusSeconds(10))).isTrue();
        assertThat(store.markDeleted(ws.id(), T0.plusSeconds(20))).isFalse();

        assertThat(store.findById(ws.id()).orElseThrow().deletedAt()).contains(T0.plusSeconds(10));
    }

    @Test
    void aPersonWhoseBootstrappedWorkspaceWasDeletedMayBootstrapAgain() {
        WorkspaceStore store = workspaceStore();
        String user = "usr_" + freshId();
        Workspace first = new Workspace(freshId(), "First", T0, Optional.empty());
        assertThat(store.insertBootstrappedBy(first, user)).isTrue();
        assertThat(store.insertBootstrappedBy(new Workspace(freshId(), "Twice", T0, Optional.empty()), user))
                .as("one live bootstrap per person")
                .isFalse();

        store.markDeleted(first.id(), T0.plusSeconds(1));

        assertThat(store.findBootstrappedBy(user)).isEmpty();
        Workspace second = new Workspace(freshId(), "Second", T0, Optional.empty());
        assertThat(store.insertBootstrappedBy(second, user)).isTrue();
        assertThat(store.findBootstrappedBy(user)).contains(second);
    }
}
