package dev.latchkey.persistence;

import static dev.latchkey.persistence.Columns.instant;
import static dev.latchkey.persistence.Columns.optionalInstant;
import static dev.latchkey.persistence.Columns.utc;
import static dev.latchkey.persistence.Columns.utcOrNull;

import dev.latchkey.domain.workspace.Workspace;
import dev.latchkey.domain.workspace.WorkspaceStore;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

final class JdbiWorkspaceStore implements WorkspaceStore {
    private final Jdbi jdbi;

    JdbiWorkspaceStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void insert(Workspace workspace) {
        StoreCalls.run(() -> insert(workspace, null));
    }

    @Override
    public boolean insertBootstrappedBy(Workspace workspace, String userId) {
        return StoreCalls.insertUnlessDuplicate(() -> insert(workspace, userId));
    }

    private void insert(Workspace workspace, String bootstrappedBy) {
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO workspaces (id, name, created_at, deleted_at, bootstrapped_by) "
                        + "VALUES (:id, :name, :createdAt, :deletedAt, :bootstrappedBy)")
                .bind("id", workspace.id())
                .bind("name", workspace.name())
                .bind("createdAt", utc(workspace.createdAt()))
                .bindByType("deletedAt", utcOrNull(workspace.deletedAt()), OffsetDateTime.class)
                .bindByType("bootstrappedBy", bootstrappedBy, String.class)
                .execute());
    }

    @Override
    public Optional<Workspace> findById(String id) {
        return findOne("id", id);
    }

    @Override
    public Optional<Workspace> findBootstrappedBy(String userId) {
        return findOne("bootstrapped_by", userId);
    }

    private Optional<Workspace> findOne(String column, String value) {
        return StoreCalls.call(() -> jdbi.withHandle(h -> h.createQuery(
                        "SELECT id, name, created_at, deleted_at FROM workspaces WHERE " + column + " = :value")
                .bind("value", value)
                .map((rs, ctx) -> new Workspace(
                        rs.getString("id"),
                        rs.getString("name"),
                        instant(rs, "created_at"),
                        optionalInstant(rs, "deleted_at")))
                .findOne()));
    }

    @Override
    public boolean markDeleted(String id, Instant at) {
        return StoreCalls.call(() -> jdbi.withHandle(h -> h
                        // Its bootstrapper may bootstrap again: the one-per-person constraint holds for live
                        // workspaces.
                        .createUpdate("UPDATE workspaces SET deleted_at = :at, bootstrapped_by = NULL WHERE id = :id "
                                + "AND deleted_at IS NULL")
                        .bind("at", utc(at))
                        .bind("id", id)
                        .execute())
                == 1);
    }
}
