package dev.latchkey.domain.workloadtoken;

import dev.latchkey.domain.actor.Actor;
import dev.latchkey.domain.actor.ActorKind;
import dev.latchkey.domain.actor.ActorStatus;
import dev.latchkey.domain.auth.CachedTokenVerification;
import dev.latchkey.domain.auth.CredentialKind;
import dev.latchkey.domain.auth.CredentialVerifier;
import dev.latchkey.domain.auth.PresentedCredential;
import dev.latchkey.domain.auth.Principal;
import dev.latchkey.domain.error.AuthError;
import dev.latchkey.domain.error.AuthFailure;
import dev.latchkey.domain.grant.DelegationGrant;
import dev.latchkey.domain.grant.DelegationGrantStore;
import dev.latchkey.domain.grant.GrantScopes;
import dev.latchkey.domain.scope.ScopeSet;
import dev.latchkey.domain.token.RevokedTokenStore;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;

/**
 * Verifies delegated workload tokens: the signature (once per token per revalidation window, then
 * from the cache), then the live facts — the grant still active and still granting. The principal's
 * scopes are the token's scopes narrowed by the grant's current effective scopes, so a role or
 * policy narrowing reaches tokens already issued; a revoked grant, or one left with nothing, makes
 * its tokens {@code token_revoked}. A token delegated onwards is checked along its whole chain: every
 * token handed on unrevoked, every workload active, each later workload's approved policy narrowing
 * it. The tenant comes from the signed claims alone.
 */
public final class WorkloadTokenVerifier implements CredentialVerifier {
    private final WorkloadTokenCodec codec;
    private final DelegationGrantStore grants;
    private final GrantScopes grantScopes;
    private final RevokedTokenStore revoked;
    private final CachedTokenVerification verifications;
    private final Clock clock;

    public WorkloadTokenVerifier(
            WorkloadTokenCodec codec,
            DelegationGrantStore grants,
            GrantScopes grantScopes,
            RevokedTokenStore revoked,
            CachedTokenVerification verifications,
            Clock clock) {
        this.codec = codec;
        this.revoked = revoked;
        this.grants = grants;
        this.grantScopes = grantScopes;
        this.verifications = verifications;
        this.clock = clock;
    }

    @Override
    public CredentialKind kind() {
        return CredentialKind.WORKLOAD_TOKEN;
    }

    @Override
    public boolean recognises(PresentedCredential credential) {
        return credential instanceof PresentedCredential.Bearer
                && (verifications.holds(credential, kind()) || codec.claimsToBeOurs(credential.value()));
    }

    @Override
    public Principal verify(PresentedCredential credential) {
        return verifications.verify(credential, () -> {
            WorkloadTokenClaims claims = codec.verify(credential.value());
            DelegationGrant grant = grants.findById(claims.grantId())
                    .filter(g -> g.workloadId().equals(claims.grantedWorkloadId())
                            && g.tenantId().equals(claims.tenantId()))
                    .orElseThrow(() -> new AuthFailure(AuthError.TOKEN_REVOKED, "The token's grant does not exist"));
            if (revoked.isRevoked(grant.tokenRevocationKey(claims.tokenId()))) {
                throw new AuthFailure(AuthError.TOKEN_REVOKED, "The token was revoked");
            }
            for (WorkloadTokenClaims.Hop hop : claims.through()) {
                if (revoked.isRevoked(grant.tokenRevocationKey(hop.tokenId()))) {
                    throw new AuthFailure(
                            AuthError.TOKEN_REVOKED, "The token " + hop.workloadId() + " handed on was revoked");
                }
            }
            if (!grant.isActiveAt(clock.instant())) {
                throw new AuthFailure(AuthError.TOKEN_REVOKED, "The token's grant was revoked or has expired");
            }
            grantScopes.requireWorkspace(grant);
            ScopeSet scopes =
                    claims.scopes().intersect(grantScopes.explain(grant).effective());
            for (String workloadId : claims.chain()) {
                grantScopes.requireActiveWorkload(workloadId);
                if (!workloadId.equals(grant.workloadId())) {
                    // Every workload the token was handed to narrows it by its own approved policy.
                    scopes = scopes.intersect(grantScopes.approvedPolicy(workloadId));
                }
            }
            if (scopes.isEmpty()) {
                throw new AuthFailure(AuthError.TOKEN_REVOKED, "The token's grant no longer grants anything");
            }
            Actor workload = new Actor(
                    claims.workloadId(),
                    ActorKind.AGENT,
                    ActorStatus.ACTIVE,
                    Optional.of(claims.tenantId()),
                    "workload",
                    Set.of());
            Principal principal = new Principal(
                            workload,
                            Optional.of(claims.tenantId()),
                            kind(),
                            scopes,
                            claims.tokenId(),
                            Optional.of(claims.expiresAt()),
                            Optional.of(grant.id()))
                    .from(new Principal.Origin(
                            Optional.of(claims.workloadId()),
                            Optional.of(claims.issuedAt()),
                            Optional.of(claims.userId()),
                            claims.through().stream()
                                    .map(WorkloadTokenClaims.Hop::workloadId)
                                    .toList()));
            return new CachedTokenVerification.Verified(claims.tokenId(), grant.id(), principal, claims.expiresAt());
        });
    }
}
