package dev.latchkey.domain.actor.mapping;

import dev.latchkey.domain.actor.Actor;
import dev.latchkey.domain.actor.ActorKind;
import dev.latchkey.domain.actor.ActorStatus;
import dev.latchkey.domain.audit.AuditTrail;
import dev.latchkey.domain.audit.Initiator;
import dev.latchkey.domain.auth.AccessPolicy;
import dev.latchkey.domain.auth.Authority;
import dev.latchkey.domain.auth.Principal;
import dev.latchkey.domain.auth.events.CredentialEvent;
import dev.latchkey.domain.auth.events.CredentialEvents;
import dev.latchkey.domain.common.IdGenerator;
import dev.latchkey.domain.error.AuthError;
import dev.latchkey.domain.error.AuthFailure;
import dev.latchkey.domain.error.RequestRejected;
import dev.latchkey.domain.membership.RoleScopes;
import dev.latchkey.domain.scope.Scope;
import dev.latchkey.domain.workspace.WorkspaceStore;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Tenant admins map external identities to actors in their own tenant, change them and deactivate
 * them; operators import them in bulk. A change reaches the mapped identity's next request here
 * (its cached verifications are dropped) and elsewhere within the verifiers' revalidation bound.
 */
public final class ManageActorMappings {

    /** What an admin asks for; the tenant is always the caller's. */
    public record Request(
            String provider,
            String subject,
            ActorKind kind,
            String role,
            Set<String> ownerScopes,
            ActorStatus status,
            boolean organizationWide) {

        /** A mapping of one identity, not of a whole organization. */
        public Request(
                String provider,
                String subject,
                ActorKind kind,
                String role,
                Set<String> ownerScopes,
                ActorStatus status) {
            this(provider, subject, kind, role, ownerScopes, status, false);
        }
    }

    private final ActorMappingStore mappings;
    private final WorkspaceStore workspaces;
    private final RoleScopes roleScopes;
    private final CredentialEvents events;
    private final IdGenerator ids;
    private final AuditTrail audit;

    public ManageActorMappings(
            ActorMappingStore mappings,
            WorkspaceStore workspaces,
            RoleScopes roleScopes,
            CredentialEvents events,
            IdGenerator ids,
            AuditTrail audit) {
        this.mappings = mappings;
        this.workspaces = workspaces;
        this.roleScopes = roleScopes;
        this.events = events;
        this.ids = ids;
        this.audit = audit;
    }

    public List<ActorMapping> list(Principal caller) {
        return mappings.listByTenant(AccessPolicy.requireTenant(caller));
    }

    /**
     * Creates or updates the mapping of one identity in the caller's tenant. The mapped role may
     * grant no scope the caller lacks, and owner scopes (which studio, which artist) are handed out
     * only by a caller holding every scope, or holding those owner scopes itself.
     *
     * @throws AuthFailure {@code insufficient_scope} when the mapping would exceed the caller
     */
    public ActorMapping save(Principal caller, Request request, Initiator initiator) {
        String tenantId = AccessPolicy.requireTenant(caller);
        if (request.role() != null && !request.role().isBlank()) {
            Authority.requireWithin(caller.scopes(), roleScopes.ofName(request.role()), "the role " + request.role());
        }
        Set<String> ownerScopes = request.ownerScopes() == null ? Set.of() : request.ownerScopes();
        if (!caller.scopes().covers(Scope.ALL) && !caller.actor().ownerScopes().containsAll(ownerScopes)) {
            throw new AuthFailure(
                    AuthError.INSUFFICIENT_SCOPE,
                    "Only an owner may hand out owner scopes the caller" + " does not own itself");
        }
        return save(tenantId, request, initiator);
    }

    /** Operator import: the tenant is named by the file, not by a caller. */
    public ActorMapping save(String tenantId, Request request, Initiator initiator) {
        if (request.provider() == null
                || request.provider().isBlank()
                || request.subject() == null
                || request.subject().isBlank()
                || request.kind() == null
                || request.role() == null
                || request.role().isBlank()) {
            throw RequestRejected.invalid("provider, subject, kind and role are required");
        }
        Set<String> owners = request.ownerScopes() == null ? Set.of() : request.ownerScopes();
        if (request.provider().length() > 40
                || request.subject().length() > 255
                || request.role().length() > 80
                || owners.size() > 100
                || owners.stream().anyMatch(o -> o == null || o.isBlank() || o.length() > 200)) {
            throw RequestRejected.invalid("provider is at most 40 characters, subject 255, role 80; at most 100 "
                    + "owner scopes of at most 200 characters each");
        }
        requireOrganizationWideIsExplicit(tenantId, request);
        // Each tenant maps subjects in its own namespace: another tenant's mapping of the same subject
        // neither blocks this one nor is revealed by it, and only the tenant the identity's
        // organization is bound to is ever consulted when the identity calls.
        Optional<ActorMapping> existing = mappings.find(request.provider(), request.subject(), tenantId);
        String actorId = existing.map(m -> m.actor().id()).orElseGet(() -> ids.newId("act"));
        Actor actor = new Actor(
                actorId,
                request.kind(),
                Optional.ofNullable(request.status()).orElse(ActorStatus.ACTIVE),
                Optional.of(tenantId),
                request.role(),
                request.ownerScopes() == null ? Set.of() : request.ownerScopes());
        ActorMapping mapping =
                new ActorMapping(request.provider(), request.subject(), actor, request.organizationWide());
        mappings.save(mapping);
        // Every cached provider identity of the tenant, not only this actor's: a new, more specific
        // mapping (a member's own, beside the organization-wide one) changes who they are on their next
        // request, though their cached principal carries the other mapping's actor.
        events.publish(new CredentialEvent.MappingChanged(actorId, tenantId));
        audit.record(
                tenantId,
                initiator,
                existing.isPresent() ? "actor_mapping.updated" : "actor_mapping.created",
                actorId,
                Map.of(
                        "provider",
                        request.provider(),
                        "subject",
                        request.subject(),
                        "status",
                        actor.status().name().toLowerCase(java.util.Locale.ROOT),
                        "role",
                        actor.role(),
                        "organization_wide",
                        String.valueOf(request.organizationWide())));
        return mapping;
    }

    /**
     * A mapping of an organization admits every member of it, so it must be asked for in so many
     * words, and only for an organization bound to this tenant.
     */
    private void requireOrganizationWideIsExplicit(String tenantId, Request request) {
        boolean ours = mappings.tenantOfOrganization(request.provider(), request.subject())
                .filter(tenantId::equals)
                .isPresent();
        if (request.organizationWide() && !ours) {
            throw RequestRejected.invalid(request.subject() + " is not an organization bound to this workspace; the"
                    + " operator binds one with `latchkey actors bind`");
        }
        if (!request.organizationWide() && ours) {
            throw RequestRejected.invalid(request.subject() + " is this workspace's organization: mapping it admits"
                    + " every member of it, so say \"organization_wide\": true, or map its members one by one");
        }
    }

    /** The organizations the caller's tenant admits identities from. */
    public List<String> organizations(Principal caller, String provider) {
        return mappings.organizationsOf(provider, AccessPolicy.requireTenant(caller));
    }

    /**
     * Operator: binds a provider organization to a tenant, so that the organization's identities
     * (its members, its API keys) are looked up in that tenant's mappings and no other. An
     * organization belongs to one tenant; it moves only away from a deleted one, or with
     * {@code move} from a live one (both tenants' cached principals are dropped).
     *
     * @throws RequestRejected {@code not_found} for an unknown or deleted tenant, {@code conflict}
     *     when the organization is bound to another live tenant and {@code move} is not set
     */
    public void bindOrganization(
            String tenantId, String provider, String organizationId, boolean move, Initiator initiator) {
        if (provider == null
                || provider.isBlank()
                || organizationId == null
                || organizationId.isBlank()
                || provider.length() > 40
                || organizationId.length() > 255) {
            throw RequestRejected.invalid("provider (at most 40 characters) and organization (255) are required");
        }
        if (workspaces.findById(tenantId).filter(w -> !w.isDeleted()).isEmpty()) {
            throw RequestRejected.notFound("Workspace " + tenantId);
        }
        Optional<String> previous = mappings.tenantOfOrganization(provider, organizationId);
        if (previous.filter(tenantId::equals).isPresent()) {
            return;
        }
        boolean heldByLiveTenant = previous.flatMap(workspaces::findById)
                .filter(w -> !w.isDeleted())
                .isPresent();
        if (heldByLiveTenant && !move) {
            throw new RequestRejected(
                    dev.latchkey.domain.error.RequestError.CONFLICT,
                    organizationId + " is bound to workspace " + previous.get() + "; pass --move to move it");
        }
        mappings.bindOrganization(provider, organizationId, tenantId);
        previous.ifPresent(old -> audit.record(
                old, initiator, "organization.unbound", organizationId, Map.of("provider", provider, "to", tenantId)));
        audit.record(tenantId, initiator, "organization.bound", organizationId, Map.of("provider", provider));
        Set<String> affected = previous.isPresent() ? Set.of(tenantId, previous.get()) : Set.of(tenantId);
        events.publish(new CredentialEvent.WorkspacesChanged(affected));
    }
}
