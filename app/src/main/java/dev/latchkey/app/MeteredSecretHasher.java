package dev.latchkey.app;

import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.Timer;
import dev.latchkey.domain.common.SecretHasher;

/**
 * Times every slow hash and verification ({@code latchkey.secrets.hash}, {@code .verify}), so an
 * operator can see the hot path staying off argon2 and spot a guessing attack as a jump in verifies.
 */
final class MeteredSecretHasher implements SecretHasher {
    private final SecretHasher delegate;
    private final Timer hashes;
    private final Timer verifications;

    MeteredSecretHasher(SecretHasher delegate, MetricRegistry registry) {
        this.delegate = delegate;
        this.hashes = registry.timer("latchkey.secrets.hash");
        this.verifications = registry.timer("latchkey.secrets.verify");
    }

    @Override
    public String hash(String secret) {
        try (var timing = hashes.time()) {
            return delegate.hash(secret);
        }
    }

    @Override
    public boolean verify(String encodedHash, String secret) {
        try (var timing = verifications.time()) {
            return delegate.verify(encodedHash, secret);
        }
    }
}
