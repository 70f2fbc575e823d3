package dev.latchkey.domain.grant;

import dev.latchkey.domain.error.AuthError;
import dev.latchkey.domain.error.AuthFailure;
import dev.latchkey.domain.membership.Membership;
import dev.latchkey.domain.membership.MembershipStore;
import dev.latchkey.domain.membership.RoleScopes;
import dev.latchkey.domain.scope.ScopeSet;
import dev.latchkey.domain.workload.PolicyStatus;
import dev.latchkey.domain.workload.Workload;
import dev.latchkey.domain.workload.WorkloadPolicy;
import dev.latchkey.domain.workload.WorkloadStore;
import dev.latchkey.domain.workspace.WorkspaceStore;

/**
 * The live terms of a grant's intersection: the user's scopes from their current, active membership
 * role in the grant's tenant, and the workload's latest approved policy. Reading them live is what
 * makes a role change or a policy narrowing reach outstanding grants at once.
 */
public final class GrantScopes {
    private final MembershipStore memberships;
    private final WorkloadStore workloads;
    private final RoleScopes roleScopes;
    private final WorkspaceStore workspaces;

    public GrantScopes(
            MembershipStore memberships, WorkloadStore workloads, RoleScopes roleScopes, WorkspaceStore workspaces) {
        this.workspaces = workspaces;
        this.memberships = memberships;
        this.workloads = workloads;
        this.roleScopes = roleScopes;
    }

    /**
     * Passes while the grant's workspace exists: a deleted workspace's grants issue no token and its
     * outstanding tokens stop.
     *
     * @throws AuthFailure {@code workspace_not_found}
     */
    public void requireWorkspace(DelegationGrant grant) {
        workspaces
                .findById(grant.tenantId())
                .filter(w -> !w.isDeleted())
                .orElseThrow(() ->
                        new AuthFailure(AuthError.WORKSPACE_NOT_FOUND, "The workspace of this grant no longer exists"));
    }

    /**
     * Passes while the grant's workload is active: a disabled or deleted workload's outstanding tokens
     * stop on their next use.
     *
     * @throws AuthFailure {@code token_revoked}
     */
    public void requireActiveWorkload(DelegationGrant grant) {
        requireActiveWorkload(grant.workloadId());
    }

    /** As above, for any workload of a delegation chain. */
    public void requireActiveWorkload(String workloadId) {
        Workload workload = workloads
                .findById(workloadId)
                .orElseThrow(() -> new AuthFailure(AuthError.TOKEN_REVOKED, "The token's workload does not exist"));
        if (!workload.isActive()) {
            throw new AuthFailure(
                    AuthError.TOKEN_REVOKED,
                    "The token's workload is " + workload.status().name().toLowerCase(java.util.Locale.ROOT));
        }
    }

    public ScopeSet userScopes(String tenantId, String userId) {
        return memberships
                .find(tenantId, userId)
                .filter(Membership::isActive)
                .map(m -> roleScopes.of(m.role()))
                .orElse(ScopeSet.EMPTY);
    }

    public ScopeSet approvedPolicy(String workloadId) {
        return workloads.listPolicies(workloadId).stream()
                .filter(p -> p.status() == PolicyStatus.APPROVED)
                .findFirst()
                .map(WorkloadPolicy::scopes)
                .orElse(ScopeSet.EMPTY);
    }

    public GrantExplanation explain(DelegationGrant grant) {
        return GrantExplanation.of(
                userScopes(grant.tenantId(), grant.userId()), approvedPolicy(grant.workloadId()), grant.requested());
    }
}
