package dev.latchkey.domain.workload;

import dev.latchkey.domain.audit.AuditTrail;
import dev.latchkey.domain.audit.Initiator;
import dev.latchkey.domain.auth.AccessPolicy;
import dev.latchkey.domain.auth.Authority;
import dev.latchkey.domain.auth.Principal;
import dev.latchkey.domain.auth.events.CredentialEvent;
import dev.latchkey.domain.auth.events.CredentialEvents;
import dev.latchkey.domain.common.Base62;
import dev.latchkey.domain.common.IdGenerator;
import dev.latchkey.domain.common.SecretHasher;
import dev.latchkey.domain.error.RequestError;
import dev.latchkey.domain.error.RequestRejected;
import dev.latchkey.domain.scope.ScopeSet;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Governance of workloads in the caller's tenant: register a workload (its secret shown
 * once), propose scope policies, and approve or reject them — recording who decided and when.
 * Approving supersedes the previous approved policy; rejecting the approved one withdraws it. Either
 * reaches outstanding grants and their tokens at once, because grants read the policy live.
 */
public final class ManageWorkloads {
    static final String SECRET_PREFIX = "wk_";
    private static final int SECRET_LENGTH = 44;

    /** A new workload and its secret, which exists nowhere else (none for a federated workload). */
    public record Registered(Workload workload, Optional<String> secret) {
        @Override
        public String toString() {
            return "Registered[" + workload.id() + ", secret=redacted]";
        }
    }

    private final WorkloadStore workloads;
    private final SecretHasher hasher;
    private final IdGenerator ids;
    private final SecureRandom random;
    private final Clock clock;
    private final AuditTrail audit;
    private final CredentialEvents events;
    private final Predicate<String> federationIssuers;

    public ManageWorkloads(
            WorkloadStore workloads,
            SecretHasher hasher,
            IdGenerator ids,
            SecureRandom random,
            Clock clock,
            AuditTrail audit,
            CredentialEvents events,
            Predicate<String> federationIssuers) {
        this.federationIssuers = federationIssuers;
        this.workloads = workloads;
        this.hasher = hasher;
        this.ids = ids;
        this.random = random;
        this.clock = clock;
        this.audit = audit;
        this.events = events;
    }

    public Registered register(Principal caller, String name, Initiator initiator) {
        return register(caller, name, Optional.empty(), initiator);
    }

    /**
     * Registers a workload. With {@code federation} it proves itself with its platform's token (the
     * issuer must be a configured trusted issuer, the identity not already another workload's) and
     * gets no secret: its stored hash is of 256 random bits nobody is shown.
     */
    public Registered register(
            Principal caller, String name, Optional<WorkloadFederation> federation, Initiator initiator) {
        String tenant = AccessPolicy.requireTenant(caller);
        if (name == null || name.isBlank() || name.length() > 200) {
            throw RequestRejected.invalid("name is required and must be at most 200 characters");
        }
        if (federation.isPresent()) {
            WorkloadFederation identity = federation.get();
            if (!federationIssuers.test(identity.issuer())) {
                throw RequestRejected.invalid("federation.issuer must name a configured trusted issuer");
            }
            if (workloads
                    .findByFederation(identity.issuer(), identity.subject())
                    .isPresent()) {
                throw new RequestRejected(
                        RequestError.CONFLICT,
                        "Another workload is registered for this " + identity.issuer() + " identity");
            }
        }
        String secret = newSecret(random);
        Workload workload = new Workload(
                ids.newId("wl"),
                tenant,
                name.strip(),
                hasher.hash(secret),
                clock.instant(),
                initiator.actorId(),
                WorkloadStatus.ACTIVE,
                Optional.empty(),
                federation);
        workloads.insert(workload);
        Map<String, String> details = new java.util.LinkedHashMap<>();
        details.put("name", workload.name());
        federation.ifPresent(f -> {
            details.put("federated_issuer", f.issuer());
            details.put("federated_subject", f.subject());
        });
        audit.record(tenant, initiator, "workload.registered", workload.id(), details);
        return new Registered(workload, federation.isPresent() ? Optional.empty() : Optional.of(secret));
    }

    /** 44 base-62 characters: 261 bits, enough that a fast hash protects it (GeneratedSecretHasher). */
    public static String newSecret(SecureRandom random) {
        return SECRET_PREFIX + Base62.random(random, SECRET_LENGTH);
    }

    public List<Workload> list(Principal caller) {
        return workloads.listByTenant(AccessPolicy.requireTenant(caller));
    }

    public WorkloadPolicy propose(Principal caller, String workloadId, ScopeSet scopes, Initiator initiator) {
        Workload workload = inTenant(caller, workloadId);
        if (scopes.isEmpty()) {
            throw RequestRejected.invalid("a policy names at least one scope");
        }
        WorkloadPolicy policy = new WorkloadPolicy(
                ids.newId("pol"),
                workload.id(),
                workload.tenantId(),
                scopes,
                PolicyStatus.PROPOSED,
                initiator.actorId(),
                clock.instant(),
                Optional.empty(),
                Optional.empty());
        workloads.insertPolicy(policy);
        audit.record(
                workload.tenantId(),
                initiator,
                "workload_policy.proposed",
                policy.id(),
                Map.of("workload_id", workload.id(), "scopes", scopes.toSpaceSeparated()));
        return policy;
    }

    public List<WorkloadPolicy> pending(Principal caller) {
        return workloads.listPending(AccessPolicy.requireTenant(caller));
    }

    public List<WorkloadPolicy> policies(Principal caller, String workloadId) {
        return workloads.listPolicies(inTenant(caller, workloadId).id());
    }

    public WorkloadPolicy approve(Principal caller, String policyId, Initiator initiator) {
        WorkloadPolicy policy = policyInTenant(caller, policyId);
        if (policy.status() != PolicyStatus.PROPOSED) {
            throw new RequestRejected(
                    RequestError.CONFLICT,
                    "Only a proposed policy can be approved; this one is "
                            + policy.status().name().toLowerCase(java.util.Locale.ROOT));
        }
        Authority.requireWithin(caller.scopes(), policy.scopes(), "a workload policy");
        Instant now = clock.instant();
        for (WorkloadPolicy previous : workloads.listPolicies(policy.workloadId())) {
            if (previous.status() == PolicyStatus.APPROVED) {
                workloads.updatePolicy(previous.decided(PolicyStatus.SUPERSEDED, initiator.actorId(), now));
            }
        }
        WorkloadPolicy approved = policy.decided(PolicyStatus.APPROVED, initiator.actorId(), now);
        workloads.updatePolicy(approved);
        forgetTokensOf(policy.workloadId());
        audit.record(
                policy.tenantId(),
                initiator,
                "workload_policy.approved",
                policy.id(),
                Map.of(
                        "workload_id",
                        policy.workloadId(),
                        "scopes",
                        policy.scopes().toSpaceSeparated()));
        return approved;
    }

    public WorkloadPolicy reject(Principal caller, String policyId, Initiator initiator) {
        WorkloadPolicy policy = policyInTenant(caller, policyId);
        if (policy.status() != PolicyStatus.PROPOSED && policy.status() != PolicyStatus.APPROVED) {
            throw new RequestRejected(
                    RequestError.CONFLICT,
                    "This policy is already " + policy.status().name().toLowerCase(java.util.Locale.ROOT));
        }
        WorkloadPolicy rejected = policy.decided(PolicyStatus.REJECTED, initiator.actorId(), clock.instant());
        workloads.updatePolicy(rejected);
        forgetTokensOf(policy.workloadId());
        audit.record(
                policy.tenantId(),
                initiator,
                "workload_policy.rejected",
                policy.id(),
                Map.of("workload_id", policy.workloadId()));
        return rejected;
    }

    /** Drops cached verifications of the workload's tokens, so the new policy applies on their next use. */
    private void forgetTokensOf(String workloadId) {
        events.publish(new CredentialEvent.ActorChanged(workloadId));
    }

    /** The caller's tenant's workload, unless deleted: anyone else's, or a deleted one, is "not found". */
    public Workload inTenant(Principal caller, String workloadId) {
        String tenant = AccessPolicy.requireTenant(caller);
        return workloads
                .findById(workloadId)
                .filter(w -> w.tenantId().equals(tenant) && w.status() != WorkloadStatus.DELETED)
                .orElseThrow(() -> RequestRejected.notFound("Workload " + workloadId));
    }

    private WorkloadPolicy policyInTenant(Principal caller, String policyId) {
        String tenant = AccessPolicy.requireTenant(caller);
        return workloads
                .findPolicy(policyId)
                .filter(p -> p.tenantId().equals(tenant))
                .orElseThrow(() -> RequestRejected.notFound("Policy " + policyId));
    }
}
