package dev.latchkey.domain.auth;

import dev.latchkey.domain.error.AuthError;
import java.util.Optional;

/** Told the outcome of every authentication and decision, for metrics and decision logs. Must not block. */
public interface AuthenticationListener {

    AuthenticationListener NONE = new AuthenticationListener() {
        @Override
        public void authenticated(Principal principal) {}

        @Override
        public void rejected(Optional<CredentialKind> kind, AuthError error) {}
    };

    void authenticated(Principal principal);

    /** {@code kind} is empty when no verifier recognised the credential (or none was presented). */
    void rejected(Optional<CredentialKind> kind, AuthError error);

    /** A verified principal was refused what it asked for. */
    default void denied(Principal principal, AuthError error) {}
}
