package dev.latchkey.domain.common;

import java.security.SecureRandom;
import java.time.Clock;

/**
 * Ids of the form {@code <prefix>_<8 base62 characters of the millisecond><16 random base62
 * characters>} (~95 random bits): unguessable still, and in creation order, like UUIDv7. For records
 * written at request rate (tokens): a B-tree keyed by them grows at its right edge instead of
 * dirtying a random page of the index on every insert — in PostgreSQL fewer full-page writes, in H2
 * fewer pages rewritten at each store commit.
 */
public final class TimeOrderedIdGenerator implements IdGenerator {
    private static final int TIME_LENGTH = 8; // 62^8 ms is about 6,900 years from the epoch
    private static final int RANDOM_LENGTH = 16;

    private final SecureRandom random;
    private final Clock clock;

    public TimeOrderedIdGenerator(SecureRandom random, Clock clock) {
        this.random = random;
        this.clock = clock;
    }

    @Override
    public String newId(String prefix) {
        return prefix + "_" + Base62.fixedWidth(clock.millis(), TIME_LENGTH) + Base62.random(random, RANDOM_LENGTH);
    }
}
