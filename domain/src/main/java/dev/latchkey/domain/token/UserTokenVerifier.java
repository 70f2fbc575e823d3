package dev.latchkey.domain.token;

import dev.latchkey.domain.auth.CachedTokenVerification;
import dev.latchkey.domain.auth.CredentialKind;
import dev.latchkey.domain.auth.CredentialVerifier;
import dev.latchkey.domain.auth.PresentedCredential;
import dev.latchkey.domain.auth.Principal;
import dev.latchkey.domain.error.AuthError;
import dev.latchkey.domain.error.AuthFailure;
import dev.latchkey.domain.membership.UserPrincipals;
import dev.latchkey.domain.user.User;
import dev.latchkey.domain.user.UserStore;

/**
 * Verifies Latchkey's user access tokens: signature, issuer and expiry (the codec), then the live
 * facts — the {@code jti} not signed out, the user not signed out everywhere, the membership in the
 * token's workspace still active (its current role decides the scopes), the workspace not deleted.
 * Those facts are cached per token; changes made in this process (log out, sign out everywhere,
 * membership changes) evict at once, changes made elsewhere are seen within the revalidation bound.
 */
public final class UserTokenVerifier implements CredentialVerifier {
    private final UserTokenCodec codec;
    private final RevokedTokenStore revoked;
    private final UserStore users;
    private final UserPrincipals principals;
    private final CachedTokenVerification verifications;

    public UserTokenVerifier(
            UserTokenCodec codec,
            RevokedTokenStore revoked,
            UserStore users,
            UserPrincipals principals,
            CachedTokenVerification verifications) {
        this.codec = codec;
        this.revoked = revoked;
        this.users = users;
        this.principals = principals;
        this.verifications = verifications;
    }

    @Override
    public CredentialKind kind() {
        return CredentialKind.USER_JWT;
    }

    @Override
    public boolean recognises(PresentedCredential credential) {
        return credential instanceof PresentedCredential.Bearer
                && (verifications.holds(credential, CredentialKind.USER_JWT)
                        || codec.claimsToBeOurs(credential.value()));
    }

    @Override
    public Principal verify(PresentedCredential credential) {
        return verifications.verify(credential, () -> check(codec.verify(credential.value())));
    }

    /**
     * A browser's sign-in session at Latchkey's own pages: verified afresh every time (sessions are
     * not API traffic), and only a session token passes.
     *
     * @throws AuthFailure {@code invalid_jwt} for anything else, as for a bad token
     */
    public Principal verifySession(String value) {
        UserTokenClaims claims = codec.verify(value);
        if (!claims.session()) {
            throw new AuthFailure(AuthError.INVALID_JWT, "Not a sign-in session");
        }
        return live(claims).principal();
    }

    private CachedTokenVerification.Verified check(UserTokenClaims claims) {
        if (claims.session()) {
            throw new AuthFailure(AuthError.INVALID_JWT, "A sign-in session is not an API credential");
        }
        return live(claims);
    }

    /** The token's live facts: not signed out, its person exists and has not signed out everywhere since. */
    private CachedTokenVerification.Verified live(UserTokenClaims claims) {
        if (revoked.isRevoked(claims.tokenId())) {
            throw new AuthFailure(AuthError.TOKEN_REVOKED, "The token was signed out");
        }
        User user = users.findById(claims.subject())
                .orElseThrow(() -> new AuthFailure(AuthError.INVALID_JWT, "The token's subject does not exist"));
        if (!user.acceptsTokenIssuedAt(claims.issuedAt())) {
            throw new AuthFailure(
                    AuthError.TOKEN_REVOKED, "The user signed out everywhere after this token was issued");
        }
        Principal principal =
                principals.of(user, claims.tenantId(), CredentialKind.USER_JWT, claims.tokenId(), claims.expiresAt());
        return new CachedTokenVerification.Verified(claims.tokenId(), principal, claims.expiresAt());
    }
}
