package dev.latchkey.domain.auth;

import dev.latchkey.domain.error.AuthError;
import dev.latchkey.domain.error.AuthFailure;
import java.util.List;
import java.util.Optional;

/**
 * The authentication use case: a presented credential in, a {@link Principal} out, or an
 * {@link AuthFailure} with exactly one code.
 */
public final class AuthenticateRequest {
    private final List<CredentialVerifier> verifiers;

    public AuthenticateRequest(List<CredentialVerifier> verifiers) {
        this.verifiers = List.copyOf(verifiers);
    }

    public Principal authenticate(Optional<PresentedCredential> presented) {
        PresentedCredential credential = presented.orElseThrow(
                () -> new AuthFailure(AuthError.MISSING_AUTH, "No credentials were presented"));
        for (CredentialVerifier verifier : verifiers) {
            if (verifier.recognises(credential)) {
                Principal principal = verifier.verify(credential);
                if (!principal.actor().isActive()) {
                    throw new AuthFailure(AuthError.ACTOR_NOT_MAPPED, "The actor behind this credential is inactive");
                }
                return principal;
            }
        }
        throw unrecognised(credential);
    }

    private static AuthFailure unrecognised(PresentedCredential credential) {
        if (credential instanceof PresentedCredential.ApiKeyHeader) {
            return new AuthFailure(AuthError.INVALID_API_KEY, "The API key is not valid");
        }
        return new AuthFailure(AuthError.INVALID_AUTH_HEADER, "The bearer token is not of any accepted kind");
    }
}
