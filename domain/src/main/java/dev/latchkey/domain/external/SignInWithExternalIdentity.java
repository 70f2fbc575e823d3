package dev.latchkey.domain.external;

import dev.latchkey.domain.error.AuthError;
import dev.latchkey.domain.error.AuthFailure;
import dev.latchkey.domain.error.RequestRejected;
import dev.latchkey.domain.token.AccessToken;
import dev.latchkey.domain.token.IssueUserToken;

/**
 * {@code POST /auth/google} and its kin: an ID token from a trusted issuer in, a Latchkey user
 * access token out, for the user {@link ExternalUsers} finds or makes for the identity.
 */
public final class SignInWithExternalIdentity {
    private final ExternalTokenVerifier tokens;
    private final ExternalUsers externalUsers;
    private final IssueUserToken issueToken;

    public SignInWithExternalIdentity(
            ExternalTokenVerifier tokens, ExternalUsers externalUsers, IssueUserToken issueToken) {
        this.tokens = tokens;
        this.externalUsers = externalUsers;
        this.issueToken = issueToken;
    }

    public AccessToken execute(String issuerName, String idToken) {
        if (!tokens.isConfigured(issuerName)) {
            throw new RequestRejected(
                    dev.latchkey.domain.error.RequestError.NOT_FOUND,
                    "Sign-in with " + issuerName + " is not configured on this server");
        }
        if (idToken == null || idToken.isBlank()) {
            throw new AuthFailure(AuthError.INVALID_JWT, "id_token is required");
        }
        return issueToken.forUser(externalUsers.linkedOrNew(tokens.verify(issuerName, idToken)));
    }
}
