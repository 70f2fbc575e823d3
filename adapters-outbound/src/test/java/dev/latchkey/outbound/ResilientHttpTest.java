package dev.latchkey.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ResilientHttpTest {

    @Test
    void retryAfterIsReadInSecondsOrAsAnHttpDate() {
        assertThat(ResilientHttp.retryAfter(Optional.of("30"))).contains(Duration.ofSeconds(30));
        assertThat(ResilientHttp.retryAfter(Optional.of("Wed, 21 Oct 2015 07:28:00 GMT")))
                .isEmpty(); // in the past
        String inAnHour = java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(
                java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC).plusHours(1));
        assertThat(ResilientHttp.retryAfter(Optional.of(inAnHour)))
                .get()
                .satisfies(d -> assertThat(d).isBetween(Duration.ofMinutes(59), Duration.ofMinutes(61)));
        assertThat(ResilientHttp.retryAfter(Optional.of("soon"))).isEmpty();
        assertThat(ResilientHttp.retryAfter(Optional.empty())).isEmpty();
    }
}
