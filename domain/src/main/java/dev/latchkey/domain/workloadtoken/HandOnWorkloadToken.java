package dev.latchkey.domain.workloadtoken;

import dev.latchkey.domain.auth.PresentedCredential;
import dev.latchkey.domain.auth.Principal;
import dev.latchkey.domain.common.IdGenerator;
import dev.latchkey.domain.error.AuthError;
import dev.latchkey.domain.error.AuthFailure;
import dev.latchkey.domain.error.RequestRejected;
import dev.latchkey.domain.grant.GrantScopes;
import dev.latchkey.domain.scope.ScopeSet;
import dev.latchkey.domain.token.AccessToken;
import dev.latchkey.domain.workload.Workload;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Multi-hop delegation: an agent hands part of its work to a sub-agent by giving it its workload
 * token, and the sub-agent exchanges that token, proving itself with its own secret, for one of its
 * own. The new token acts for the same person under the same grant, with the scopes the handed-on
 * token has <em>now</em> narrowed by the sub-agent's approved policy (and a requested scope), never
 * more; it expires no later than the token it came from; its chain names every workload and the token
 * each held, so that revoking or narrowing any of them — the person's role, a policy, the grant, a
 * token, a workload — reaches it on its next use ({@link WorkloadTokenVerifier}). A chain holds at
 * most {@code maxDepth} workloads, in one workspace, each once.
 */
public final class HandOnWorkloadToken {
    private final WorkloadProof proof;
    private final WorkloadTokenVerifier verifier;
    private final WorkloadTokenCodec codec;
    private final GrantScopes grantScopes;
    private final IssuedWorkloadTokenStore issued;
    private final IdGenerator ids;
    private final Clock clock;
    private final int maxDepth;

    public HandOnWorkloadToken(
            WorkloadProof proof,
            WorkloadTokenVerifier verifier,
            WorkloadTokenCodec codec,
            GrantScopes grantScopes,
            IssuedWorkloadTokenStore issued,
            IdGenerator ids,
            Clock clock,
            int maxDepth) {
        this.proof = proof;
        this.verifier = verifier;
        this.codec = codec;
        this.grantScopes = grantScopes;
        this.issued = issued;
        this.ids = ids;
        this.clock = clock;
        this.maxDepth = maxDepth;
    }

    /** Whether {@code token} looks like a workload token, which only this use case takes as a subject. */
    public boolean handsOn(String token) {
        return verifier.recognises(new PresentedCredential.Bearer(token));
    }

    /**
     * @throws AuthFailure the sub-agent's secret is wrong or it is disabled ({@code invalid_credentials},
     *     {@code workload_disabled}), the handed-on token is not live ({@code token_revoked}, {@code
     *     invalid_jwt}), or nothing or not all requested is left ({@code insufficient_scope})
     * @throws RequestRejected the chain would be too long, loop, or cross workspaces
     */
    public IssueWorkloadToken.Issued execute(
            WorkloadCredential credential, String handedOn, Optional<ScopeSet> requested) {
        Workload subAgent = proof.prove(credential);
        String workloadId = subAgent.id();
        Principal live = verifier.verify(new PresentedCredential.Bearer(handedOn));
        WorkloadTokenClaims parent = codec.verify(handedOn);
        if (!subAgent.tenantId().equals(parent.tenantId())) {
            throw RequestRejected.invalid("the token handed on belongs to another workspace");
        }
        if (parent.chain().contains(workloadId)) {
            throw RequestRejected.invalid("workload " + workloadId + " is already in this token's delegation chain");
        }
        if (parent.chain().size() >= maxDepth) {
            throw RequestRejected.invalid("a delegation chain holds at most " + maxDepth + " workloads");
        }
        ScopeSet scopes = live.scopes().intersect(grantScopes.approvedPolicy(workloadId));
        if (requested.isPresent()) {
            if (!scopes.coversAll(requested.get())) {
                throw new AuthFailure(
                        AuthError.INSUFFICIENT_SCOPE,
                        "The token handed on, narrowed by " + workloadId + "'s approved policy, grants "
                                + scopes.toSpaceSeparated() + ", not all of "
                                + requested.get().toSpaceSeparated());
            }
            scopes = scopes.intersect(requested.get());
        }
        if (scopes.isEmpty()) {
            throw new AuthFailure(
                    AuthError.INSUFFICIENT_SCOPE,
                    "Nothing the token handed on grants is within " + workloadId + "'s approved policy");
        }
        Instant now = clock.instant();
        Instant ceiling = now.plus(IssueWorkloadToken.LIFETIME);
        Instant expiresAt = parent.expiresAt().isBefore(ceiling) ? parent.expiresAt() : ceiling;
        List<WorkloadTokenClaims.Hop> through = new ArrayList<>(parent.through());
        through.add(new WorkloadTokenClaims.Hop(parent.workloadId(), parent.tokenId()));
        WorkloadTokenClaims claims = new WorkloadTokenClaims(
                workloadId,
                parent.userId(),
                parent.grantId(),
                parent.tenantId(),
                scopes,
                ids.newId("wjti"),
                now,
                expiresAt,
                through);
        String token = codec.sign(claims);
        issued.insert(claims);
        return new IssueWorkloadToken.Issued(new AccessToken(token, Duration.between(now, expiresAt)), scopes);
    }
}
