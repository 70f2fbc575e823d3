package dev.latchkey.domain.workloadtoken;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.domain.auth.CachedTokenVerification;
import dev.latchkey.domain.auth.PresentedCredential;
import dev.latchkey.domain.auth.Principal;
import dev.latchkey.domain.common.RandomIdGenerator;
import dev.latchkey.domain.error.AuthFailure;
import dev.latchkey.domain.grant.DelegationGrant;
import dev.latchkey.domain.grant.GrantScopes;
import dev.latchkey.domain.membership.Membership;
import dev.latchkey.domain.membership.Role;
import dev.latchkey.domain.membership.RoleScopes;
import dev.latchkey.domain.scope.Scope;
import dev.latchkey.domain.scope.ScopeSet;
import dev.latchkey.domain.testing.FastTestHasher;
import dev.latchkey.domain.testing.InMemoryCaches;
import dev.latchkey.domain.testing.InMemoryDelegationGrantStore;
import dev.latchkey.domain.testing.InMemoryIssuedWorkloadTokenStore;
import dev.latchkey.domain.testing.InMemoryMembershipStore;
import dev.latchkey.domain.testing.InMemoryRevokedTokenStore;
import dev.latchkey.domain.testing.InMemoryVerificationCache;
import dev.latchkey.domain.testing.InMemoryWorkloadStore;
import dev.latchkey.domain.testing.InMemoryWorkloadTokenCodec;
import dev.latchkey.domain.testing.InMemoryWorkspaceStore;
import dev.latchkey.domain.testing.MutableClock;
import dev.latchkey.domain.workload.PolicyStatus;
import dev.latchkey.domain.workload.Workload;
import dev.latchkey.domain.workload.WorkloadPolicy;
import dev.latchkey.domain.workspace.Workspace;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;

/**
 * Multi-hop delegation, property-tested like the grant's intersection: along a random chain of
 * workloads with random policies and random requests, no token ever holds more than the token it was
 * handed, its own workload's policy, or what it asked for, and a policy narrowed anywhere up the
 * chain narrows every token below it on its next verification.
 */
class DelegationChainPropertyTest {
    private static final String[] RESOURCES = {"records", "pipelines", "agents"};
    private static final String[] ACTIONS = {"read", "write", "*"};

    private final MutableClock clock = MutableClock.startingAt("2026-12-01T12:00:00Z");
    private final InMemoryWorkloadStore workloads = new InMemoryWorkloadStore();
    private final InMemoryDelegationGrantStore grants = new InMemoryDelegationGrantStore();
    private final InMemoryMembershipStore memberships = new InMemoryMembershipStore();
    private final InMemoryWorkspaceStore workspaces = new InMemoryWorkspaceStore();
    private final FastTestHasher hasher = new FastTestHasher();
    private final InMemoryWorkloadTokenCodec codec = new InMemoryWorkloadTokenCodec();
    private final RandomIdGenerator ids = new RandomIdGenerator(new SecureRandom());
    private final GrantScopes grantScopes = new GrantScopes(memberships, workloads, RoleScopes.defaults(), workspaces);
    // Revalidated on every use, so each verification reads the live terms.
    private final WorkloadTokenVerifier verifier = new WorkloadTokenVerifier(
            codec,
            grants,
            grantScopes,
            new InMemoryRevokedTokenStore(),
            new CachedTokenVerification(new InMemoryVerificationCache(100), clock, Duration.ZERO, new InMemoryCaches()),
            clock);
    private final InMemoryIssuedWorkloadTokenStore issued = new InMemoryIssuedWorkloadTokenStore();
    private final WorkloadProof proof =
            new WorkloadProof(workloads, hasher, dev.latchkey.domain.external.ExternalTokenVerifier.NONE, clock);
    private final IssueWorkloadToken issue =
            new IssueWorkloadToken(proof, grants, grantScopes, codec, issued, ids, clock, RememberedGrantTerms.NONE);
    private final HandOnWorkloadToken handOn =
            new HandOnWorkloadToken(proof, verifier, codec, grantScopes, issued, ids, clock, 4);

    @RepeatedTest(300)
    void noTokenInAChainHoldsMoreThanItWasHandedItsPolicyOrItsRequestAndNarrowingReachesDown() {
        long seed = new Random().nextLong();
        Random random = new Random(seed);
        String tenant = "ws_" + Long.toHexString(seed);
        workspaces.insert(new Workspace(tenant, "chain", clock.instant(), Optional.empty()));
        memberships.insert(new Membership(tenant, "usr_ana", Role.OWNER, clock.instant(), Optional.empty()));

        int length = 1 + random.nextInt(4);
        List<String> chain = new ArrayList<>();
        for (int i = 0; i < length; i++) {
            chain.add(workload(tenant, "wl_" + i + "_" + Long.toHexString(seed), randomSet(random)));
        }
        DelegationGrant grant = new DelegationGrant(
                ids.newId("grant"),
                tenant,
                "usr_ana",
                chain.get(0),
                randomSet(random),
                clock.instant(),
                clock.instant().plusSeconds(3600),
                Optional.empty());
        grants.insert(grant);

        List<String> tokens = new ArrayList<>();
        ScopeSet held;
        try {
            IssueWorkloadToken.Issued root = issue.execute(chain.get(0), "wk_" + chain.get(0), grant.id());
            held = root.scopes();
            tokens.add(root.token().value());
        } catch (AuthFailure nothingToGrant) {
            return; // the grant's intersection was empty: nothing to hand on
        }
        for (int i = 1; i < length; i++) {
            String workload = chain.get(i);
            Optional<ScopeSet> requested = random.nextBoolean() ? Optional.of(randomSet(random)) : Optional.empty();
            IssueWorkloadToken.Issued next;
            try {
                next = handOn.execute(
                        new WorkloadCredential.Secret(workload, "wk_" + workload), tokens.get(i - 1), requested);
            } catch (AuthFailure refused) {
                break; // nothing left, or more was asked than is held: refused, never widened
            }
            assertThat(held.coversAll(next.scopes()))
                    .as("seed %d: within the token handed on", seed)
                    .isTrue();
            assertThat(grantScopes.approvedPolicy(workload).coversAll(next.scopes()))
                    .as("seed %d: within its own policy", seed)
                    .isTrue();
            requested.ifPresent(r -> assertThat(r.coversAll(next.scopes()))
                    .as("seed %d: within its request", seed)
                    .isTrue());
            held = next.scopes();
            tokens.add(next.token().value());
        }

        // Narrow the policy of one workload up the chain: every token from it down narrows with it.
        int narrowed = random.nextInt(tokens.size());
        ScopeSet narrowerPolicy = randomSet(random);
        approve(tenant, chain.get(narrowed), narrowerPolicy);
        for (int i = narrowed; i < tokens.size(); i++) {
            try {
                Principal verified = verifier.verify(new PresentedCredential.Bearer(tokens.get(i)));
                assertThat(narrowerPolicy.coversAll(verified.scopes()))
                        .as("seed %d: token %d under the narrowed workload %d", seed, i, narrowed)
                        .isTrue();
            } catch (AuthFailure leftWithNothing) {
                // also within the narrowed policy: nothing is held at all
            }
        }
    }

    private String workload(String tenant, String id, ScopeSet policy) {
        workloads.insert(new Workload(id, tenant, "agent", hasher.hash("wk_" + id), clock.instant(), "usr_admin"));
        approve(tenant, id, policy);
        return id;
    }

    private void approve(String tenant, String workloadId, ScopeSet scopes) {
        for (WorkloadPolicy previous : workloads.listPolicies(workloadId)) {
            if (previous.status() == PolicyStatus.APPROVED) {
                workloads.updatePolicy(previous.decided(PolicyStatus.SUPERSEDED, "usr_admin", clock.instant()));
            }
        }
        clock.advance(Duration.ofMillis(1));
        workloads.insertPolicy(new WorkloadPolicy(
                ids.newId("pol"),
                workloadId,
                tenant,
                scopes,
                PolicyStatus.APPROVED,
                "usr_admin",
                clock.instant(),
                Optional.of("usr_admin"),
                Optional.of(clock.instant())));
    }

    private static ScopeSet randomSet(Random random) {
        List<Scope> scopes = new ArrayList<>();
        for (int i = 1 + random.nextInt(4); i > 0; i--) {
            scopes.add(new Scope(RESOURCES[random.nextInt(RESOURCES.length)], ACTIONS[random.nextInt(ACTIONS.length)]));
        }
        return ScopeSet.of(scopes);
    }
}
