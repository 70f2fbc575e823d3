package dev.latchkey.domain.token;

import dev.latchkey.domain.actor.Actor;
import dev.latchkey.domain.actor.ActorKind;
import dev.latchkey.domain.actor.ActorStatus;
import dev.latchkey.domain.auth.CredentialKind;
import dev.latchkey.domain.auth.CredentialVerifier;
import dev.latchkey.domain.auth.PresentedCredential;
import dev.latchkey.domain.auth.Principal;
import dev.latchkey.domain.auth.VerificationCache;
import dev.latchkey.domain.common.StoreUnavailable;
import dev.latchkey.domain.error.AuthError;
import dev.latchkey.domain.error.AuthFailure;
import dev.latchkey.domain.membership.Membership;
import dev.latchkey.domain.membership.MembershipStore;
import dev.latchkey.domain.membership.RoleScopes;
import dev.latchkey.domain.scope.ScopeSet;
import dev.latchkey.domain.user.User;
import dev.latchkey.domain.user.UserStore;
import dev.latchkey.domain.workspace.WorkspaceStore;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * Verifies Latchkey's user access tokens: signature, issuer and expiry (the codec), then the live
 * facts — the {@code jti} not signed out, the user not signed out everywhere, the membership in
 * the token's workspace still active (its current role decides the scopes), the workspace not
 * deleted. Those facts are cached per token for {@code revalidateAfter}; changes made in this
 * process (log out, sign out everywhere, membership removal) evict at once.
 */
public final class UserTokenVerifier implements CredentialVerifier {
    static final String NO_ROLE = "none";

    private final UserTokenCodec codec;
    private final RevokedTokenStore revoked;
    private final UserStore users;
    private final MembershipStore memberships;
    private final WorkspaceStore workspaces;
    private final RoleScopes roleScopes;
    private final VerificationCache cache;
    private final Clock clock;
    private final Duration revalidateAfter;

    public UserTokenVerifier(UserTokenCodec codec, RevokedTokenStore revoked, UserStore users,
            MembershipStore memberships, WorkspaceStore workspaces, RoleScopes roleScopes, VerificationCache cache,
            Clock clock, Duration revalidateAfter) {
        this.codec = codec;
        this.revoked = revoked;
        this.users = users;
        this.memberships = memberships;
        this.workspaces = workspaces;
        this.roleScopes = roleScopes;
        this.cache = cache;
        this.clock = clock;
        this.revalidateAfter = revalidateAfter;
    }

    @Override
    public CredentialKind kind() {
        return CredentialKind.USER_JWT;
    }

    @Override
    public boolean recognises(PresentedCredential credential) {
        return credential instanceof PresentedCredential.Bearer && codec.claimsToBeOurs(credential.value());
    }

    @Override
    public Principal verify(PresentedCredential credential) {
        Instant now = clock.instant();
        ByteBuffer fingerprint = VerificationCache.fingerprint(credential.value());
        Optional<VerificationCache.Entry> cached = cache.get(fingerprint);
        if (cached.isPresent()) {
            if (cached.get().expiredAt(now)) {
                cache.remove(fingerprint);
                throw new AuthFailure(AuthError.INVALID_JWT, "The token has expired");
            }
            if (now.isBefore(cached.get().revalidateAt())) {
                return cached.get().principal();
            }
        }
        UserTokenClaims claims = codec.verify(credential.value());
        Principal principal;
        try {
            principal = resolve(claims);
        } catch (AuthFailure failure) {
            cache.remove(fingerprint);
            throw failure;
        } catch (StoreUnavailable e) {
            throw new AuthFailure(AuthError.IDENTITY_PROVIDER_UNAVAILABLE,
                    "The account store cannot be reached; try again shortly");
        }
        cache.put(fingerprint, new VerificationCache.Entry(claims.tokenId(), claims.tokenId(), principal,
                Optional.of(claims.expiresAt()), now.plus(revalidateAfter)));
        return principal;
    }

    private Principal resolve(UserTokenClaims claims) {
        if (revoked.isRevoked(claims.tokenId())) {
            throw new AuthFailure(AuthError.TOKEN_REVOKED, "The token was signed out");
        }
        User user = users.findById(claims.subject())
                .orElseThrow(() -> new AuthFailure(AuthError.INVALID_JWT, "The token's subject does not exist"));
        if (!user.acceptsTokenIssuedAt(claims.issuedAt())) {
            throw new AuthFailure(AuthError.TOKEN_REVOKED, "The user signed out everywhere after this token was issued");
        }
        if (claims.tenantId().isEmpty()) {
            return principal(user, Optional.empty(), NO_ROLE, ScopeSet.EMPTY, claims);
        }
        String workspaceId = claims.tenantId().get();
        Membership membership = memberships.find(workspaceId, user.id()).filter(Membership::isActive)
                .orElseThrow(() -> new AuthFailure(AuthError.NO_WORKSPACE,
                        "You are no longer an active member of workspace " + workspaceId));
        workspaces.findById(workspaceId).filter(w -> !w.isDeleted())
                .orElseThrow(() -> new AuthFailure(AuthError.WORKSPACE_NOT_FOUND,
                        "The workspace of this token no longer exists"));
        return principal(user, Optional.of(workspaceId), membership.role().wireName(),
                roleScopes.of(membership.role()), claims);
    }

    private static Principal principal(User user, Optional<String> tenant, String role, ScopeSet scopes,
            UserTokenClaims claims) {
        Actor actor = new Actor(user.id(), ActorKind.HUMAN, ActorStatus.ACTIVE, tenant, role, Set.of());
        return new Principal(actor, tenant, CredentialKind.USER_JWT, scopes, claims.tokenId(),
                Optional.of(claims.expiresAt()));
    }
}
