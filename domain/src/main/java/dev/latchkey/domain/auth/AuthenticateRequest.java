package dev.latchkey.domain.auth;

import dev.latchkey.domain.error.AuthError;
import dev.latchkey.domain.error.AuthFailure;
import java.util.List;
import java.util.Optional;

/**
 * The authentication use case: a presented credential in, a {@link Principal} out, or an
 * {@link AuthFailure} with exactly one code. The first verifier that recognises the credential's
 * shape decides; no other code branches on credential kinds.
 */
public final class AuthenticateRequest {
    private final List<CredentialVerifier> verifiers;
    private final AuthenticationListener listener;

    public AuthenticateRequest(List<CredentialVerifier> verifiers, AuthenticationListener listener) {
        this.verifiers = List.copyOf(verifiers);
        this.listener = listener;
    }

    public Principal authenticate(Optional<PresentedCredential> presented) {
        if (presented.isEmpty()) {
            throw rejected(Optional.empty(), new AuthFailure(AuthError.MISSING_AUTH, "No credentials were presented"));
        }
        PresentedCredential credential = presented.get();
        for (CredentialVerifier verifier : verifiers) {
            if (verifier.recognises(credential)) {
                return verifyWith(verifier, credential);
            }
        }
        throw rejected(Optional.empty(), unrecognised(credential));
    }

    /** Reports a verified principal refused what it asked for (scope, audience, ownership, approval). */
    public void denied(Principal principal, AuthError error) {
        listener.denied(principal, error);
    }

    private Principal verifyWith(CredentialVerifier verifier, PresentedCredential credential) {
        Principal principal;
        try {
            principal = verifier.verify(credential);
        } catch (AuthFailure failure) {
            throw rejected(Optional.of(verifier.kind()), failure);
        }
        if (!principal.actor().isActive()) {
            throw rejected(
                    Optional.of(verifier.kind()),
                    new AuthFailure(AuthError.ACTOR_NOT_MAPPED, "The actor behind this credential is inactive"));
        }
        listener.authenticated(principal);
        return principal;
    }

    private AuthFailure rejected(Optional<CredentialKind> kind, AuthFailure failure) {
        listener.rejected(kind, failure.error());
        return failure;
    }

    private static AuthFailure unrecognised(PresentedCredential credential) {
        if (credential instanceof PresentedCredential.ApiKeyHeader) {
            return new AuthFailure(AuthError.INVALID_API_KEY, "The API key is not valid");
        }
        if (JwtShape.looksLikeJwt(credential.value())) {
            return new AuthFailure(AuthError.INVALID_JWT, "The token's issuer is not trusted here");
        }
        return new AuthFailure(AuthError.INVALID_AUTH_HEADER, "The bearer token is not of any accepted kind");
    }
}
