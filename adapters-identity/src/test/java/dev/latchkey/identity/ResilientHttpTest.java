package dev.latchkey.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ResilientHttpTest {

    @Test
    void retryAfterIsReadInSecondsOrAsAnHttpDate() {
        assertThat(ResilientHttp.retryAfter(Optional.of("30"))).contains(Duration.ofSeconds(30));
        assertThat(ResilientHttp.retryAfter(Optional.of("Wed, 21 Oct 2015 07:28:00 GMT"))).isEmpty(); // in the past
        assertThat(ResilientHttp.retryAfter(Optional.of("Fri, 31 Dec 2999 23:59:59 GMT"))).get()
                .satisfies(d -> assertThat(d).isPositive());
        assertThat(ResilientHttp.retryAfter(Optional.of("soon"))).isEmpty();
        assertThat(ResilientHttp.retryAfter(Optional.empty())).isEmpty();
    }
}
