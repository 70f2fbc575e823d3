package dev.latchkey.domain.oauth;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Checks a {@code private_key_jwt} client assertion (RFC 7523 §3, OIDC Core §9): signed by one of
 * the keys the client registered, {@code iss} and {@code sub} its client id, {@code aud} naming this
 * server, a {@code jti}, and an {@code exp} soon enough that remembering the {@code jti} until then is
 * cheap. Whether the {@code jti} was seen before is the caller's to check.
 */
public interface ClientAssertions {
    /** No assertion may claim to be valid for longer than this: its jti is remembered that long. */
    java.time.Duration MAX_LIFETIME = java.time.Duration.ofMinutes(10);

    /** What a verified assertion says that matters afterwards. */
    record Verified(String jti, Instant expiresAt) {
        public Verified {
            Objects.requireNonNull(jti, "jti");
            Objects.requireNonNull(expiresAt, "expiresAt");
        }
    }

    /**
     * @param jwks the client's public keys, a JWK Set document
     * @param audiences what {@code aud} may name: the issuer and the token endpoint
     * @throws OAuthFailure {@code invalid_client} for anything but a valid assertion by this client
     */
    Verified verify(String assertion, String clientId, String jwks, List<String> audiences);

    /**
     * Whether {@code jwks} is a JWK Set of public signing keys this server can verify with (RSA of at
     * least 2048 bits, or EC P-256), and nothing private.
     */
    boolean acceptsKeys(String jwks);
}
