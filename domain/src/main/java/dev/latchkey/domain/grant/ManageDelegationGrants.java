package dev.latchkey.domain.grant;

import dev.latchkey.domain.audit.AuditTrail;
import dev.latchkey.domain.audit.Initiator;
import dev.latchkey.domain.auth.AccessPolicy;
import dev.latchkey.domain.auth.Principal;
import dev.latchkey.domain.auth.events.CredentialEvent;
import dev.latchkey.domain.auth.events.CredentialEvents;
import dev.latchkey.domain.common.IdGenerator;
import dev.latchkey.domain.error.AuthError;
import dev.latchkey.domain.error.AuthFailure;
import dev.latchkey.domain.error.RequestError;
import dev.latchkey.domain.error.RequestRejected;
import dev.latchkey.domain.scope.Scope;
import dev.latchkey.domain.scope.ScopeSet;
import dev.latchkey.domain.token.RevokedTokenStore;
import dev.latchkey.domain.workload.Workload;
import dev.latchkey.domain.workload.WorkloadStatus;
import dev.latchkey.domain.workload.WorkloadStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Delegation grants: a signed-in user delegates to a workload of their tenant the
 * least-privilege intersection of their own scopes, the workload's approved policy and what they
 * request. An empty intersection is refused; a dry run only explains. Grants expire, and the user or
 * a tenant admin ({@code grants:revoke}) revokes them — killing every token issued from them at once.
 */
public final class ManageDelegationGrants {
    public static final Duration DEFAULT_LIFETIME = Duration.ofHours(1);
    public static final Duration MAX_LIFETIME = Duration.ofDays(30);
    static final Scope REVOKE_ANY = Scope.parse("grants:revoke");
    /** How long a revoked workload token's id is denied: longer than any workload token lives. */
    static final Duration TOKEN_DENY_WINDOW = Duration.ofMinutes(6);

    /** The grant (absent on a dry run) and the explanation of its scopes. */
    public record Created(Optional<DelegationGrant> grant, GrantExplanation explanation) {}

    private final DelegationGrantStore grants;
    private final WorkloadStore workloads;
    private final GrantScopes scopes;
    private final IdGenerator ids;
    private final Clock clock;
    private final AuditTrail audit;
    private final CredentialEvents events;
    private final GrantAtTime history;
    private final RevokedTokenStore revokedTokens;

    public ManageDelegationGrants(
            DelegationGrantStore grants,
            WorkloadStore workloads,
            GrantScopes scopes,
            IdGenerator ids,
            Clock clock,
            AuditTrail audit,
            CredentialEvents events,
            RevokedTokenStore revokedTokens,
            GrantAtTime history) {
        this.revokedTokens = revokedTokens;
        this.history = history;
        this.grants = grants;
        this.workloads = workloads;
        this.scopes = scopes;
        this.ids = ids;
        this.clock = clock;
        this.audit = audit;
        this.events = events;
    }

    public Created create(
            Principal caller,
            String workloadId,
            ScopeSet requested,
            Optional<Duration> lifetime,
            boolean dryRun,
            Initiator initiator) {
        if (!caller.isHuman()) {
            throw RequestRejected.invalid("Only a signed-in user delegates; workloads cannot delegate onwards");
        }
        String tenant = AccessPolicy.requireTenant(caller);
        Workload workload = workloads
                .findById(workloadId)
                .filter(w -> w.tenantId().equals(tenant) && w.status() != WorkloadStatus.DELETED)
                .orElseThrow(() -> RequestRejected.notFound("Workload " + workloadId));
        if (!workload.isActive()) {
            throw new RequestRejected(RequestError.CONFLICT, "Workload " + workloadId + " is disabled");
        }
        if (requested.isEmpty()) {
            throw RequestRejected.invalid("scopes must name at least one scope");
        }
        Duration duration = lifetime.orElse(DEFAULT_LIFETIME);
        if (duration.isNegative() || duration.isZero() || duration.compareTo(MAX_LIFETIME) > 0) {
            throw RequestRejected.invalid("expires_in must be between 1 and " + MAX_LIFETIME.toSeconds() + " seconds");
        }
        GrantExplanation explanation = GrantExplanation.of(
                scopes.userScopes(tenant, caller.actor().id()), scopes.approvedPolicy(workloadId), requested);
        if (dryRun) {
            return new Created(Optional.empty(), explanation);
        }
        if (explanation.effective().isEmpty()) {
            throw new AuthFailure(
                    AuthError.INSUFFICIENT_SCOPE,
                    "Nothing requested survives the intersection: "
                            + explanation.outcomes().stream()
                                    .map(o -> o.requested() + " (limited by "
                                            + o.limitedBy().stream()
                                                    .map(t -> t.name().toLowerCase(java.util.Locale.ROOT))
                                                    .collect(Collectors.joining(" and "))
                                            + ")")
                                    .collect(Collectors.joining(", ")));
        }
        Instant now = clock.instant();
        DelegationGrant grant = new DelegationGrant(
                ids.newId("grant"),
                tenant,
                caller.actor().id(),
                workloadId,
                requested,
                now,
                now.plus(duration),
                Optional.empty());
        grants.insert(grant);
        audit.record(
                tenant,
                initiator,
                "delegation_grant.created",
                grant.id(),
                Map.of(
                        "workload_id",
                        workloadId,
                        "requested",
                        requested.toSpaceSeparated(),
                        "effective",
                        explanation.effective().toSpaceSeparated()));
        return new Created(Optional.of(grant), explanation);
    }

    public GrantExplanation explain(Principal caller, String grantId) {
        return scopes.explain(visible(caller, grantId));
    }

    /**
     * What the grant granted at {@code at}, from the audit trail ({@link GrantAtTime}).
     *
     * @throws RequestRejected invalid for a moment still to come: the trail only knows the past
     */
    public GrantAtTime.Explanation explainAt(Principal caller, String grantId, Instant at) {
        DelegationGrant grant = visible(caller, grantId);
        if (at.isAfter(clock.instant())) {
            throw RequestRejected.invalid("at must not be in the future; without at, explain answers for now");
        }
        return history.explain(grant, at);
    }

    public List<DelegationGrant> list(Principal caller) {
        String tenant = AccessPolicy.requireTenant(caller);
        boolean admin = caller.scopes().covers(REVOKE_ANY);
        return grants.listByTenant(tenant).stream()
                .filter(g -> admin || g.userId().equals(caller.actor().id()))
                .toList();
    }

    public void revoke(Principal caller, String grantId, Initiator initiator) {
        DelegationGrant grant = visible(caller, grantId);
        if (grants.markRevoked(grant.id(), clock.instant())) {
            audit.record(
                    grant.tenantId(),
                    initiator,
                    "delegation_grant.revoked",
                    grant.id(),
                    Map.of("workload_id", grant.workloadId()));
        }
        events.publish(new CredentialEvent.GrantRevoked(grant.id()));
    }

    /**
     * Revokes one workload token of a grant the caller may see (its user, or {@code grants:revoke}):
     * its {@code jti} is denied under this grant only ({@link DelegationGrant#tokenRevocationKey}),
     * until the token would have expired, at once in this process.
     */
    public void revokeToken(Principal caller, String grantId, String tokenId, Initiator initiator) {
        if (tokenId.length() > 100) {
            throw RequestRejected.invalid("A token id is at most 100 characters");
        }
        DelegationGrant grant = visible(caller, grantId);
        revokedTokens.revoke(
                grant.tokenRevocationKey(tokenId),
                grant.userId(),
                clock.instant().plus(TOKEN_DENY_WINDOW));
        events.publish(new CredentialEvent.CredentialChanged(tokenId));
        // Tokens delegated onwards from this one are proven against the same grant: check them afresh.
        events.publish(new CredentialEvent.GrantRevoked(grant.id()));
        audit.record(grant.tenantId(), initiator, "workload_token.revoked", tokenId, Map.of("grant_id", grant.id()));
    }

    /** The grant's user, or a tenant admin, sees it; anyone else gets "not found". */
    private DelegationGrant visible(Principal caller, String grantId) {
        String tenant = AccessPolicy.requireTenant(caller);
        return grants.findById(grantId)
                .filter(g -> g.tenantId().equals(tenant))
                .filter(g -> g.userId().equals(caller.actor().id())
                        || caller.scopes().covers(REVOKE_ANY))
                .orElseThrow(() -> RequestRejected.notFound("Grant " + grantId));
    }
}
