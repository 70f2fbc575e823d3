package dev.latchkey.app;

import dev.latchkey.domain.actor.mapping.ManageActorMappings;
import dev.latchkey.domain.audit.ReadAuditTrail;
import dev.latchkey.domain.workspace.lifecycle.BootstrapWorkspace;
import dev.latchkey.domain.workspace.lifecycle.CreateWorkspace;
import dev.latchkey.domain.workspace.lifecycle.DeleteWorkspace;
import dev.latchkey.domain.workspace.lifecycle.ReadWorkspace;
import dev.latchkey.http.actor.ActorMappingResource;
import dev.latchkey.http.audit.AuditResource;
import dev.latchkey.http.user.WorkspaceResource;
import dev.latchkey.persistence.JdbiStores;
import io.dropwizard.core.setup.Environment;

/**
 * Workspaces: created by an operator or bootstrapped by their first person, deleted, their audit
 * trail, and the mappings of outside identities (WorkOS) to their actors.
 */
final class WorkspacesFeature {
    final CreateWorkspace createWorkspace;
    final BootstrapWorkspace bootstrapWorkspace;
    final DeleteWorkspace deleteWorkspace;
    final ReadWorkspace readWorkspace;
    final ReadAuditTrail readAuditTrail;
    final ManageActorMappings manageActorMappings;

    WorkspacesFeature(Foundations base, ApiKeysFeature apiKeys, PeopleFeature people) {
        JdbiStores stores = base.stores;
        this.createWorkspace =
                new CreateWorkspace(stores.workspaces(), apiKeys.issue, base.ids, base.clock, base.audit);
        this.bootstrapWorkspace = new BootstrapWorkspace(
                stores.workspaces(),
                stores.memberships(),
                stores.users(),
                apiKeys.issue,
                people.issueUserToken,
                base.roleScopes,
                base.ids,
                base.clock,
                base.audit,
                base.events,
                apiKeys.isLocal());
        this.deleteWorkspace =
                new DeleteWorkspace(stores.workspaces(), stores.memberships(), base.events, base.clock, base.audit);
        this.readAuditTrail = new ReadAuditTrail(stores.auditLog());
        this.readWorkspace = new ReadWorkspace(stores.workspaces());
        this.manageActorMappings = new ManageActorMappings(
                stores.actorMappings(), stores.workspaces(), base.roleScopes, base.events, base.ids, base.audit);
    }

    void register(Environment environment) {
        environment.jersey().register(new WorkspaceResource(bootstrapWorkspace, deleteWorkspace, readWorkspace));
        environment.jersey().register(new AuditResource(readAuditTrail));
        environment.jersey().register(new ActorMappingResource(manageActorMappings));
    }
}
