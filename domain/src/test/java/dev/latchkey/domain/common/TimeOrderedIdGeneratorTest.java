package dev.latchkey.domain.common;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.domain.testing.MutableClock;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimeOrderedIdGeneratorTest {
    private final MutableClock clock = MutableClock.startingAt("2026-12-02T08:00:00Z");
    private final TimeOrderedIdGenerator ids = new TimeOrderedIdGenerator(new SecureRandom(), clock);

    @Test
    void idsMadeLaterSortLaterAndNoTwoAreAlike() {
        List<String> made = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            made.add(ids.newId("oat"));
            clock.advance(Duration.ofMillis(i % 3)); // several in one millisecond too
        }
        assertThat(new HashSet<>(made)).hasSize(made.size());
        // Within one millisecond the order is the random part's; across milliseconds it is time's.
        for (int i = 1; i < made.size(); i++) {
            String earlier = made.get(i - 1).substring(0, 12);
            String later = made.get(i).substring(0, 12);
            assertThat(earlier).isLessThanOrEqualTo(later);
        }
        assertThat(made).allSatisfy(id -> assertThat(id).matches("oat_[0-9A-Za-z]{24}"));
    }

    @Test
    void theRandomPartAloneIsUnguessableAtNinetyFiveBits() {
        String first = ids.newId("oat");
        String second = ids.newId("oat");
        assertThat(first.substring(0, 12)).as("same millisecond").isEqualTo(second.substring(0, 12));
        assertThat(first.substring(12)).hasSize(16).isNotEqualTo(second.substring(12));
    }
}
