package dev.latchkey.domain.testing;

import dev.latchkey.domain.common.SecretHasher;
import java.util.concurrent.atomic.AtomicInteger;

/** Wraps a hasher and counts verifications, to prove which paths do slow hashing. */
public final class CountingSecretHasher implements SecretHasher {
    private final SecretHasher delegate;
    private final AtomicInteger hashes = new AtomicInteger();
    private final AtomicInteger verifications = new AtomicInteger();

    public CountingSecretHasher(SecretHasher delegate) {
        this.delegate = delegate;
    }

    @Override
    public String hash(String secret) {
        hashes.incrementAndGet();
        return delegate.hash(secret);
    }

    @Override
    public boolean verify(String encodedHash, String secret) {
        verifications.incrementAndGet();
        return delegate.verify(encodedHash, secret);
    }

    public int verifications() {
        return verifications.get();
    }

    public int hashes() {
        return hashes.get();
    }
}
