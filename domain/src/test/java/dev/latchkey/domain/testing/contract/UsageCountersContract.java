package dev.latchkey.domain.testing.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.domain.usage.UsageCounters;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What every {@link UsageCounters} must do: a token bucket of {@code burst} refilled at
 * {@code perMinute}, and counters that count once per call and start over after they expire.
 * Times are near the real now, because a shared store expires keys by its own clock.
 */
public abstract class UsageCountersContract {
    private final Instant t0 = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    protected abstract UsageCounters counters();

    private static String key(String kind) {
        return kind + ":" + UUID.randomUUID();
    }

    @Test
    void aBucketAllowsItsBurstThenSaysWhenTheNextTokenComes() {
        UsageCounters counters = counters();
        String bucket = key("rate");
        for (int i = 0; i < 3; i++) {
            UsageCounters.Take take = counters.takeToken(bucket, 3, 60, t0);
            assertThat(take.allowed()).isTrue();
            assertThat(take.remaining()).isEqualTo(2 - i);
        }
        UsageCounters.Take refused = counters.takeToken(bucket, 3, 60, t0);
        assertThat(refused.allowed()).isFalse();
        assertThat(Duration.between(t0, refused.nextTokenAt())).isEqualTo(Duration.ofSeconds(1));

        assertThat(counters.takeToken(bucket, 3, 60, t0.plusMillis(999)).allowed())
                .isFalse();
        assertThat(counters.takeToken(bucket, 3, 60, t0.plusMillis(2000)).allowed())
                .isTrue();
        assertThat(counters.takeToken(bucket, 3, 60, t0.plusSeconds(60)).remaining())
                .as("refilled to the burst, never beyond")
                .isEqualTo(2);
    }

    @Test
    void bucketsAreIndependentAndAClockBehindTheLastCallRefillsNothing() {
        UsageCounters counters = counters();
        String a = key("rate");
        String b = key("rate");
        assertThat(counters.takeToken(a, 1, 60, t0).allowed()).isTrue();
        assertThat(counters.takeToken(b, 1, 60, t0).allowed())
                .as("another workspace's bucket")
                .isTrue();
        assertThat(counters.takeToken(a, 1, 60, t0.minusSeconds(30)).allowed())
                .as("an instance whose clock lags does not mint tokens")
                .isFalse();
    }

    @Test
    void countersCountEachCallAndStartOverAfterExpiry() {
        UsageCounters counters = counters();
        String counter = key("usage");
        Instant expiry = t0.plusMillis(1500);
        assertThat(counters.increment(counter, t0, expiry)).isEqualTo(1);
        assertThat(counters.increment(counter, t0, expiry)).isEqualTo(2);
        assertThat(counters.increment(key("usage"), t0, expiry)).isEqualTo(1);
        assertThat(counters.increment(counter, t0, expiry)).isEqualTo(3);
        assertThat(counters.read(counter, t0)).as("reading does not count").isEqualTo(3);
        assertThat(counters.read(key("usage"), t0)).isZero();
    }
}
