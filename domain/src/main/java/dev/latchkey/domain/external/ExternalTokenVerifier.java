package dev.latchkey.domain.external;

import java.util.Optional;

/**
 * Verifies JWTs from the trusted issuers named in configuration (Google ID tokens, Supabase-style
 * admin-UI tokens): signature by the issuer's JWKS or shared secret, issuer, audience, expiry.
 */
public interface ExternalTokenVerifier {

    /** No trusted issuer at all: nothing is identified, and nothing verifies. */
    ExternalTokenVerifier NONE = new ExternalTokenVerifier() {
        @Override
        public Optional<TrustedIssuer> identify(String token) {
            return Optional.empty();
        }

        @Override
        public boolean isConfigured(String issuerName) {
            return false;
        }

        @Override
        public ExternalClaims verify(String issuerName, String token) {
            throw new dev.latchkey.domain.error.AuthFailure(
                    dev.latchkey.domain.error.AuthError.INVALID_JWT, "No trusted issuer is configured");
        }
    };

    /** A configured issuer the token claims to come from (an unverified look, no I/O). */
    record TrustedIssuer(String name, boolean acceptedAsBearer, boolean provisionsOnFirstUse) {
        public TrustedIssuer(String name, boolean acceptedAsBearer) {
            this(name, acceptedAsBearer, false);
        }
    }

    Optional<TrustedIssuer> identify(String token);

    /** Whether an issuer of this name is configured at all. */
    boolean isConfigured(String issuerName);

    /**
     * @throws dev.latchkey.domain.error.AuthFailure {@code invalid_jwt} for a token that proves
     *     nothing, {@code identity_provider_unavailable} when the issuer's keys cannot be fetched
     *     and none are cached
     */
    ExternalClaims verify(String issuerName, String token);
}
