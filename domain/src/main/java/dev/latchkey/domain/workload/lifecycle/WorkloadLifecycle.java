package dev.latchkey.domain.workload.lifecycle;

import dev.latchkey.domain.audit.AuditTrail;
import dev.latchkey.domain.audit.Initiator;
import dev.latchkey.domain.auth.Authority;
import dev.latchkey.domain.auth.Principal;
import dev.latchkey.domain.auth.events.CredentialEvent;
import dev.latchkey.domain.auth.events.CredentialEvents;
import dev.latchkey.domain.common.SecretHasher;
import dev.latchkey.domain.error.AuthError;
import dev.latchkey.domain.error.AuthFailure;
import dev.latchkey.domain.error.RequestRejected;
import dev.latchkey.domain.grant.DelegationGrant;
import dev.latchkey.domain.grant.DelegationGrantStore;
import dev.latchkey.domain.token.RevokedTokenStore;
import dev.latchkey.domain.workload.ManageWorkloads;
import dev.latchkey.domain.workload.PolicyStatus;
import dev.latchkey.domain.workload.RetiringSecret;
import dev.latchkey.domain.workload.Workload;
import dev.latchkey.domain.workload.WorkloadPolicy;
import dev.latchkey.domain.workload.WorkloadStatus;
import dev.latchkey.domain.workload.WorkloadStore;
import dev.latchkey.domain.workloadtoken.IssuedWorkloadTokenStore;
import dev.latchkey.domain.workloadtoken.WorkloadTokenClaims;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A workload's life after registration, for the tenant's admins: disable and enable it, rotate its
 * secret with an overlap, delete it, and list the tokens it holds. Each is audited and reaches the
 * workload's outstanding tokens on their next use (the verifier reads the workload live, and an
 * {@code ActorChanged} event drops cached verifications on every instance).
 */
public final class WorkloadLifecycle {
    /** The default overlap of a rotation: long enough for a fleet to roll, short enough to matter. */
    public static final Duration DEFAULT_OVERLAP = Duration.ofHours(1);

    public static final Duration MAX_OVERLAP = Duration.ofDays(7);

    /** The most outstanding tokens one listing returns (newest first). */
    public static final int TOKEN_LISTING_LIMIT = 500;

    /** A new secret, shown once, and until when the replaced one still works. */
    public record Rotated(Workload workload, String secret, Optional<Instant> previousSecretValidUntil) {
        @Override
        public String toString() {
            return "Rotated[" + workload.id() + ", secret=redacted]";
        }
    }

    /** An issued token that has not expired, and whether it still works. */
    public record OutstandingToken(WorkloadTokenClaims claims, boolean revoked) {}

    private final ManageWorkloads manage;
    private final WorkloadStore workloads;
    private final DelegationGrantStore grants;
    private final IssuedWorkloadTokenStore issued;
    private final RevokedTokenStore revokedTokens;
    private final SecretHasher hasher;
    private final SecureRandom random;
    private final Clock clock;
    private final AuditTrail audit;
    private final CredentialEvents events;

    public WorkloadLifecycle(
            ManageWorkloads manage,
            WorkloadStore workloads,
            DelegationGrantStore grants,
            IssuedWorkloadTokenStore issued,
            RevokedTokenStore revokedTokens,
            SecretHasher hasher,
            SecureRandom random,
            Clock clock,
            AuditTrail audit,
            CredentialEvents events) {
        this.manage = manage;
        this.workloads = workloads;
        this.grants = grants;
        this.issued = issued;
        this.revokedTokens = revokedTokens;
        this.hasher = hasher;
        this.random = random;
        this.clock = clock;
        this.audit = audit;
        this.events = events;
    }

    /** No token is issued to it and its outstanding tokens stop; its grants and policies stay. */
    public Workload disable(Principal caller, String workloadId, Initiator initiator) {
        return changeStatus(caller, workloadId, WorkloadStatus.DISABLED, "workload.disabled", initiator);
    }

    /** Undoes {@link #disable}: its grants that are still active issue tokens again. */
    public Workload enable(Principal caller, String workloadId, Initiator initiator) {
        return changeStatus(caller, workloadId, WorkloadStatus.ACTIVE, "workload.enabled", initiator);
    }

    /**
     * Replaces the secret. The replaced one keeps working for {@code overlap} (none: it stops at once,
     * for a leaked secret). A rotation during an overlap ends the older secret at once: two at most.
     *
     * <p>Only a person rotates: the new secret redeems every grant people gave the workload, which is
     * more than any machine credential's own scopes.
     */
    public Rotated rotateSecret(Principal caller, String workloadId, Duration overlap, Initiator initiator) {
        if (!Authority.isPerson(caller.credentialKind())) {
            throw new AuthFailure(
                    AuthError.INSUFFICIENT_SCOPE,
                    "Only a person rotates a workload's secret: the new secret redeems every grant people gave it");
        }
        if (overlap.isNegative() || overlap.compareTo(MAX_OVERLAP) > 0) {
            throw RequestRejected.invalid(
                    "overlap_seconds must be between 0 and " + MAX_OVERLAP.toSeconds() + " seconds");
        }
        Workload workload = manage.inTenant(caller, workloadId);
        Instant now = clock.instant();
        String secret = ManageWorkloads.newSecret(random);
        Workload rotated = workload.withNewSecret(hasher.hash(secret), now.plus(overlap), now);
        workloads.update(rotated);
        // Instances that remember the workload's secret hashes (RememberedGrantTerms) read them afresh.
        events.publish(new CredentialEvent.ActorChanged(workload.id()));
        audit.record(
                workload.tenantId(),
                initiator,
                "workload.secret_rotated",
                workload.id(),
                Map.of("overlap_seconds", Long.toString(overlap.toSeconds())));
        return new Rotated(rotated, secret, rotated.retiringSecret().map(RetiringSecret::until));
    }

    /**
     * Deletes the workload for good: its active grants are revoked, its proposed policies rejected, its
     * secret proves nothing and its tokens stop. It stays in the store so that grants, policies and the
     * audit trail still name it, but is no longer listed or found.
     */
    public void delete(Principal caller, String workloadId, Initiator initiator) {
        Workload workload = manage.inTenant(caller, workloadId);
        Instant now = clock.instant();
        workloads.update(workload.withStatus(WorkloadStatus.DELETED));
        int revoked = 0;
        for (DelegationGrant grant : grantsOf(workload)) {
            if (grants.markRevoked(grant.id(), now)) {
                revoked++;
                events.publish(new CredentialEvent.GrantRevoked(grant.id()));
            }
        }
        for (WorkloadPolicy policy : workloads.listPolicies(workload.id())) {
            if (policy.status() == PolicyStatus.PROPOSED) {
                workloads.updatePolicy(policy.decided(PolicyStatus.REJECTED, initiator.actorId(), now));
            }
        }
        events.publish(new CredentialEvent.ActorChanged(workload.id()));
        audit.record(
                workload.tenantId(),
                initiator,
                "workload.deleted",
                workload.id(),
                Map.of("name", workload.name(), "grants_revoked", Integer.toString(revoked)));
    }

    /**
     * The workload's issued tokens that have not expired, newest first: which grant and person each
     * acts for, its scopes, and whether it was revoked since (the token, its grant, or the workload).
     */
    public List<OutstandingToken> tokens(Principal caller, String workloadId) {
        Workload workload = manage.inTenant(caller, workloadId);
        Instant now = clock.instant();
        Map<String, DelegationGrant> grantsById = new java.util.HashMap<>();
        for (DelegationGrant grant : grantsOf(workload)) {
            grantsById.put(grant.id(), grant);
        }
        return issued.unexpired(workload.id(), now, TOKEN_LISTING_LIMIT).stream()
                .map(token ->
                        new OutstandingToken(token, !stillWorks(workload, grantsById.get(token.grantId()), token, now)))
                .toList();
    }

    private boolean stillWorks(Workload workload, DelegationGrant grant, WorkloadTokenClaims token, Instant now) {
        return workload.isActive()
                && grant != null
                && grant.isActiveAt(now)
                && !revokedTokens.isRevoked(grant.tokenRevocationKey(token.tokenId()));
    }

    private List<DelegationGrant> grantsOf(Workload workload) {
        return grants.listByTenant(workload.tenantId()).stream()
                .filter(g -> g.workloadId().equals(workload.id()))
                .toList();
    }

    private Workload changeStatus(
            Principal caller, String workloadId, WorkloadStatus next, String action, Initiator initiator) {
        Workload workload = manage.inTenant(caller, workloadId);
        if (workload.status() == next) {
            return workload;
        }
        Workload changed = workload.withStatus(next);
        workloads.update(changed);
        events.publish(new CredentialEvent.ActorChanged(workload.id()));
        audit.record(workload.tenantId(), initiator, action, workload.id(), Map.of());
        return changed;
    }
}
