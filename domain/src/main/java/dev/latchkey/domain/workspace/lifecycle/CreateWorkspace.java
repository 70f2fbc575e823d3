package dev.latchkey.domain.workspace.lifecycle;

import dev.latchkey.domain.apikey.IssueApiKey;
import dev.latchkey.domain.apikey.IssuedApiKey;
import dev.latchkey.domain.audit.AuditTrail;
import dev.latchkey.domain.audit.Initiator;
import dev.latchkey.domain.common.IdGenerator;
import dev.latchkey.domain.error.RequestRejected;
import dev.latchkey.domain.scope.ScopeSet;
import dev.latchkey.domain.workspace.Workspace;
import dev.latchkey.domain.workspace.WorkspaceStore;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** Creates a workspace and its first API key, with every scope, shown to the creator once. */
public final class CreateWorkspace {

    /** The new workspace and the first key. */
    public record Created(Workspace workspace, IssuedApiKey firstKey) {}

    private final WorkspaceStore workspaces;
    private final IssueApiKey issueApiKey;
    private final IdGenerator ids;
    private final Clock clock;
    private final AuditTrail audit;

    public CreateWorkspace(
            WorkspaceStore workspaces, IssueApiKey issueApiKey, IdGenerator ids, Clock clock, AuditTrail audit) {
        this.workspaces = workspaces;
        this.issueApiKey = issueApiKey;
        this.ids = ids;
        this.clock = clock;
        this.audit = audit;
    }

    public Created execute(String name, Initiator initiator) {
        if (name == null || name.isBlank() || name.length() > Workspace.MAX_NAME_LENGTH) {
            throw RequestRejected.invalid("workspace name must be 1.." + Workspace.MAX_NAME_LENGTH + " characters");
        }
        Instant now = clock.instant();
        Workspace workspace = new Workspace(ids.newId("ws"), name.strip(), now, Optional.empty());
        workspaces.insert(workspace);
        audit.record(workspace.id(), initiator, "workspace.created", workspace.id(), Map.of("name", workspace.name()));
        IssuedApiKey first = issueApiKey.execute(
                new IssueApiKey.Command(workspace.id(), "first key", Optional.of(ScopeSet.ALL), Optional.empty()),
                ScopeSet.ALL,
                initiator);
        return new Created(workspace, first);
    }
}
