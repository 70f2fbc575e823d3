package dev.latchkey.domain.actor;

import dev.latchkey.domain.audit.AuditTrail;
import dev.latchkey.domain.auth.AccessPolicy;
import dev.latchkey.domain.auth.Authority;
import dev.latchkey.domain.auth.Principal;
import dev.latchkey.domain.auth.VerificationCache;
import dev.latchkey.domain.common.IdGenerator;
import dev.latchkey.domain.common.Initiator;
import dev.latchkey.domain.error.AuthError;
import dev.latchkey.domain.error.AuthFailure;
import dev.latchkey.domain.error.RequestRejected;
import dev.latchkey.domain.membership.RoleScopes;
import dev.latchkey.domain.scope.Scope;
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
    public record Request(String provider, String subject, ActorKind kind, String role, Set<String> ownerScopes,
            ActorStatus status) {
    }

    private final ActorMappingStore mappings;
    private final RoleScopes roleScopes;
    private final List<VerificationCache> caches;
    private final IdGenerator ids;
    private final AuditTrail audit;

    public ManageActorMappings(ActorMappingStore mappings, RoleScopes roleScopes, List<VerificationCache> caches,
            IdGenerator ids, AuditTrail audit) {
        this.mappings = mappings;
        this.roleScopes = roleScopes;
        this.caches = List.copyOf(caches);
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
            throw new AuthFailure(AuthError.INSUFFICIENT_SCOPE, "Only an owner may hand out owner scopes the caller"
                    + " does not own itself");
        }
        return save(tenantId, request, initiator);
    }



    /** Operator import: the tenant is named by the file, not by a caller. */
    public ActorMapping save(String tenantId, Request request, Initiator initiator) {
        if (request.provider() == null || request.provider().isBlank() || request.subject() == null
                || request.subject().isBlank() || request.kind() == null || request.role() == null
                || request.role().isBlank()) {
            throw RequestRejected.invalid("provider, subject, kind and role are required");
        }
        Set<String> owners = request.ownerScopes() == null ? Set.of() : request.ownerScopes();
        if (request.provider().length() > 40 || request.subject().length() > 255 || request.role().length() > 80
                || owners.size() > 100 || owners.stream().anyMatch(o -> o == null || o.isBlank() || o.length() > 200)) {
            throw RequestRejected.invalid("provider is at most 40 characters, subject 255, role 80; at most 100 "
                    + "owner scopes of at most 200 characters each");
        }
        Optional<ActorMapping> existing = mappings.find(request.provider(), request.subject());
        if (existing.isPresent() && !existing.get().actor().tenantId().orElse("").equals(tenantId)) {
            throw RequestRejected.notFound("Mapping " + request.subject()); // another tenant's: not ours to see
        }
        String actorId = existing.map(m -> m.actor().id()).orElseGet(() -> ids.newId("act"));
        Actor actor = new Actor(actorId, request.kind(), Optional.ofNullable(request.status()).orElse(ActorStatus.ACTIVE),
                Optional.of(tenantId), request.role(), request.ownerScopes() == null ? Set.of() : request.ownerScopes());
        ActorMapping mapping = new ActorMapping(request.provider(), request.subject(), actor);
        mappings.save(mapping);
        caches.forEach(cache -> cache.invalidateWhere(entry -> entry.principal().actor().id().equals(actorId)));
        audit.record(tenantId, initiator, existing.isPresent() ? "actor_mapping.updated" : "actor_mapping.created",
                actorId, Map.of("provider", request.provider(), "subject", request.subject(),
                        "status", actor.status().name().toLowerCase(java.util.Locale.ROOT), "role", actor.role()));
        return mapping;
    }
}
