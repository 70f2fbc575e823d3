package dev.latchkey.domain.external;

import dev.latchkey.domain.auth.CachedTokenVerification;
import dev.latchkey.domain.auth.CredentialKind;
import dev.latchkey.domain.auth.CredentialVerifier;
import dev.latchkey.domain.auth.PresentedCredential;
import dev.latchkey.domain.auth.Principal;
import dev.latchkey.domain.error.AuthError;
import dev.latchkey.domain.error.AuthFailure;
import dev.latchkey.domain.membership.UserPrincipals;
import dev.latchkey.domain.user.User;
import java.util.Arrays;
import java.util.Base64;

/**
 * Accepts JWTs of trusted external issuers that are configured as bearer credentials (a
 * Supabase-style admin UI): the token proves an identity, the identity's link names the user, and
 * the user's workspace is their active membership. An identity linked to nobody is
 * {@code actor_not_mapped}, unless its issuer provisions users on first use: then its first token
 * makes (or links) the account, which has no workspace until it bootstraps one.
 */
public final class ExternalJwtVerifier implements CredentialVerifier {
    private final ExternalTokenVerifier tokens;
    private final ExternalUsers externalUsers;
    private final UserPrincipals principals;
    private final CachedTokenVerification verifications;

    public ExternalJwtVerifier(
            ExternalTokenVerifier tokens,
            ExternalUsers externalUsers,
            UserPrincipals principals,
            CachedTokenVerification verifications) {
        this.tokens = tokens;
        this.externalUsers = externalUsers;
        this.principals = principals;
        this.verifications = verifications;
    }

    @Override
    public CredentialKind kind() {
        return CredentialKind.EXTERNAL_JWT;
    }

    @Override
    public boolean recognises(PresentedCredential credential) {
        return credential instanceof PresentedCredential.Bearer
                && (verifications.holds(credential, CredentialKind.EXTERNAL_JWT)
                        || tokens.identify(credential.value())
                                .filter(ExternalTokenVerifier.TrustedIssuer::acceptedAsBearer)
                                .isPresent());
    }

    @Override
    public Principal verify(PresentedCredential credential) {
        String token = credential.value();
        return verifications.verify(credential, () -> {
            ExternalTokenVerifier.TrustedIssuer trusted = tokens.identify(token)
                    .orElseThrow(
                            () -> new AuthFailure(AuthError.INVALID_JWT, "The token's issuer is not trusted here"));
            String issuer = trusted.name();
            ExternalClaims claims = tokens.verify(issuer, token);
            User user = trusted.provisionsOnFirstUse()
                    ? externalUsers.linkedOrNew(claims)
                    : externalUsers
                            .linked(claims)
                            .orElseThrow(() -> new AuthFailure(
                                    AuthError.ACTOR_NOT_MAPPED,
                                    "This " + issuer + " identity is not linked to a Latchkey user"));
            String tokenId = issuer + ":" + tokenDigest(credential);
            return new CachedTokenVerification.Verified(
                    tokenId,
                    principals.inDefaultWorkspace(user, CredentialKind.EXTERNAL_JWT, tokenId, claims.expiresAt()),
                    claims.expiresAt());
        });
    }

    /** A stable, non-reversible id for a token that may carry no {@code jti} of its own. */
    private static String tokenDigest(PresentedCredential credential) {
        byte[] digest = credential.fingerprint().array();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 12));
    }
}
