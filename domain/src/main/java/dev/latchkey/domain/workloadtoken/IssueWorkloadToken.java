package dev.latchkey.domain.workloadtoken;

import dev.latchkey.domain.common.IdGenerator;
import dev.latchkey.domain.error.AuthError;
import dev.latchkey.domain.error.AuthFailure;
import dev.latchkey.domain.error.RequestError;
import dev.latchkey.domain.error.RequestRejected;
import dev.latchkey.domain.grant.DelegationGrant;
import dev.latchkey.domain.grant.DelegationGrantStore;
import dev.latchkey.domain.grant.GrantScopes;
import dev.latchkey.domain.scope.ScopeSet;
import dev.latchkey.domain.token.AccessToken;
import dev.latchkey.domain.workload.Workload;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * {@code POST /internal/auth/workload-token}: a workload proves itself with its own secret (or, during
 * a rotation's overlap, the one it replaced) and names one of its grants; it gets a short-lived token
 * carrying the grant's live effective scopes. Issued only to an active workload, for an active grant
 * with something left to grant; each issued token's claims are recorded so that it can be listed.
 * A grant's terms may be remembered from the workload's last proof ({@link RememberedGrantTerms}).
 */
public final class IssueWorkloadToken {
    public static final Duration LIFETIME = Duration.ofMinutes(5);

    /** The token, and the scopes it carries. */
    public record Issued(AccessToken token, ScopeSet scopes) {}

    private final WorkloadProof proof;
    private final DelegationGrantStore grants;
    private final GrantScopes grantScopes;
    private final WorkloadTokenCodec codec;
    private final IssuedWorkloadTokenStore issued;
    private final IdGenerator ids;
    private final Clock clock;
    private final RememberedGrantTerms remembered;

    /** @param remembered {@link RememberedGrantTerms#NONE} for every token to read the stores */
    public IssueWorkloadToken(
            WorkloadProof proof,
            DelegationGrantStore grants,
            GrantScopes grantScopes,
            WorkloadTokenCodec codec,
            IssuedWorkloadTokenStore issued,
            IdGenerator ids,
            Clock clock,
            RememberedGrantTerms remembered) {
        this.proof = proof;
        this.grants = grants;
        this.grantScopes = grantScopes;
        this.codec = codec;
        this.issued = issued;
        this.ids = ids;
        this.clock = clock;
        this.remembered = remembered;
    }

    public Issued execute(String workloadId, String secret, String grantId) {
        if (workloadId == null || secret == null || grantId == null) {
            throw RequestRejected.invalid("workload_id, workload_secret and grant_id are required");
        }
        return execute(new WorkloadCredential.Secret(workloadId, secret), grantId, Optional.empty());
    }

    /**
     * As above, the token narrowed to {@code requested} when given (a token exchange's {@code scope}):
     * every requested scope must be within the grant's effective scopes, or nothing is issued.
     */
    public Issued execute(WorkloadCredential credential, String grantId, Optional<ScopeSet> requested) {
        if (grantId == null) {
            throw RequestRejected.invalid("grant_id is required");
        }
        Instant now = clock.instant();
        RememberedGrantTerms.Terms terms =
                recalled(credential, grantId, now).orElseGet(() -> read(credential, grantId, now));
        String workloadId = terms.workload().id();
        DelegationGrant grant = terms.grant();
        ScopeSet effective = terms.effective();
        if (requested.isPresent()) {
            if (!effective.coversAll(requested.get())) {
                throw new AuthFailure(
                        AuthError.INSUFFICIENT_SCOPE,
                        "Grant " + grantId + " grants " + effective.toSpaceSeparated() + ", not all of "
                                + requested.get().toSpaceSeparated());
            }
            effective = effective.intersect(requested.get());
        }
        Instant expiresAt = now.plus(LIFETIME).isAfter(grant.expiresAt()) ? grant.expiresAt() : now.plus(LIFETIME);
        WorkloadTokenClaims claims = new WorkloadTokenClaims(
                workloadId, grant.userId(), grant.id(), grant.tenantId(), effective, ids.newId("wjti"), now, expiresAt);
        String token = codec.sign(claims);
        issued.insert(claims);
        return new Issued(new AccessToken(token, Duration.between(now, expiresAt)), effective);
    }

    /** Terms remembered for this workload's grant, if its secret still proves the remembered workload and the grant is live. */
    private Optional<RememberedGrantTerms.Terms> recalled(WorkloadCredential credential, String grantId, Instant now) {
        if (!(credential instanceof WorkloadCredential.Secret secret)) {
            return Optional.empty(); // a platform token is verified afresh each time
        }
        return remembered
                .recall(secret.workloadId(), grantId, now)
                .filter(t ->
                        proof.stillProves(t.workload(), secret) && t.grant().isActiveAt(now));
    }

    private RememberedGrantTerms.Terms read(WorkloadCredential credential, String grantId, Instant now) {
        Workload workload = proof.prove(credential);
        DelegationGrant grant = grants.findById(grantId)
                .filter(g -> g.workloadId().equals(workload.id()))
                .orElseThrow(() -> RequestRejected.notFound("Grant " + grantId));
        if (!grant.isActiveAt(now)) {
            throw new RequestRejected(RequestError.CONFLICT, "Grant " + grantId + " is revoked or expired");
        }
        grantScopes.requireWorkspace(grant);
        ScopeSet effective = grantScopes.explain(grant).effective();
        if (effective.isEmpty()) {
            throw new AuthFailure(AuthError.INSUFFICIENT_SCOPE, "Grant " + grantId + " no longer grants anything");
        }
        RememberedGrantTerms.Terms terms = new RememberedGrantTerms.Terms(workload, grant, effective, now);
        if (credential instanceof WorkloadCredential.Secret) {
            remembered.remember(terms);
        }
        return terms;
    }
}
