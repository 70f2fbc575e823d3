package dev.latchkey.domain.workloadtoken;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A workload-token signing key at rest: its id, public JWK, the private key encrypted under a key
 * from configuration (never stored in the clear), when it starts signing (published before that, so
 * verifiers have it in time) and when it stopped (still published until its last token has expired).
 */
public record StoredSigningKey(
        String kid,
        String publicJwk,
        String encryptedPrivateKey,
        Instant createdAt,
        Instant activatesAt,
        Optional<Instant> retiredAt) {

    public StoredSigningKey {
        Objects.requireNonNull(kid, "kid");
        Objects.requireNonNull(publicJwk, "publicJwk");
        Objects.requireNonNull(encryptedPrivateKey, "encryptedPrivateKey");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(activatesAt, "activatesAt");
        Objects.requireNonNull(retiredAt, "retiredAt");
    }
}
