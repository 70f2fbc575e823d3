package dev.latchkey.domain.common;

import dev.latchkey.domain.error.AuthError;
import dev.latchkey.domain.error.AuthFailure;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Bounds slow hashing globally: at most {@code permits} argon2id computations at once, each waiting
 * at most {@code maxWait} for its turn, else 429 {@code rate_limited}. This is what keeps a flood of
 * guesses from exhausting CPU and native memory — instead of locking an identifier after some wrong
 * secrets, which let anyone who knows a key's public prefix or a workload's id lock its owner out.
 */
public final class BoundedSecretHasher implements SecretHasher {
    private final SecretHasher delegate;
    private final Semaphore permits;
    private final Duration maxWait;

    public BoundedSecretHasher(SecretHasher delegate, int permits, Duration maxWait) {
        if (permits < 1) {
            throw new IllegalArgumentException("permits must be positive");
        }
        this.delegate = delegate;
        this.permits = new Semaphore(permits, true);
        this.maxWait = maxWait;
    }

    @Override
    public String hash(String secret) {
        acquire();
        try {
            return delegate.hash(secret);
        } finally {
            permits.release();
        }
    }

    @Override
    public boolean verify(String encodedHash, String secret) {
        acquire();
        try {
            return delegate.verify(encodedHash, secret);
        } finally {
            permits.release();
        }
    }

    private void acquire() {
        try {
            if (permits.tryAcquire(maxWait.toMillis(), TimeUnit.MILLISECONDS)) {
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new AuthFailure(
                AuthError.RATE_LIMITED,
                "Too many secrets are being checked at once; retry shortly",
                Duration.ofSeconds(1));
    }
}
