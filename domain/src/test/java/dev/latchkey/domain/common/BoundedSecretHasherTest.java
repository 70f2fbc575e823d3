package dev.latchkey.domain.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.latchkey.domain.error.AuthError;
import dev.latchkey.domain.error.AuthFailure;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Slow hashing is bounded process-wide; past the bound a caller waits briefly, then gets 429. */
class BoundedSecretHasherTest {

    /** A hasher that blocks until released, counting how many run at once. */
    private static final class Gate implements SecretHasher {
        final CountDownLatch release = new CountDownLatch(1);
        final AtomicInteger running = new AtomicInteger();
        final AtomicInteger most = new AtomicInteger();

        @Override
        public String hash(String secret) {
            verify("", secret);
            return "h";
        }

        @Override
        public boolean verify(String encodedHash, String secret) {
            most.accumulateAndGet(running.incrementAndGet(), Math::max);
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            running.decrementAndGet();
            return true;
        }
    }

    @Test
    void noMoreThanThePermitsRunAtOnceAndTheNextIsRateLimited() throws Exception {
        Gate gate = new Gate();
        BoundedSecretHasher bounded = new BoundedSecretHasher(gate, 2, Duration.ofMillis(200));
        Thread first = new Thread(() -> bounded.verify("h", "a"));
        Thread second = new Thread(() -> bounded.verify("h", "b"));
        first.start();
        second.start();
        while (gate.running.get() < 2) {
            Thread.onSpinWait();
        }

        assertThatThrownBy(() -> bounded.verify("h", "c")).isInstanceOfSatisfying(AuthFailure.class, f -> {
            assertThat(f.error()).isEqualTo(AuthError.RATE_LIMITED);
            assertThat(f.retryAfter()).isPresent();
        });
        gate.release.countDown();
        first.join();
        second.join();
        assertThat(gate.most.get()).isEqualTo(2);
        assertThat(bounded.verify("h", "d")).as("permits come back").isTrue();
    }
}
