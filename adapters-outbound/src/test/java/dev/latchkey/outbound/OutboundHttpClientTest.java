package dev.latchkey.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class OutboundHttpClientTest {

    /** Each JDK client runs a selector thread of its own from the moment it is made. */
    private static Set<Thread> selectorThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().contains("SelectorManager"))
                .collect(Collectors.toSet());
    }

    private static Set<Thread> startedSince(Set<Thread> before) {
        Set<Thread> now = selectorThreads();
        now.removeAll(before);
        return now;
    }

    @Test
    void noClientIsMadeBeforeTheFirstCallAndTheSameOneServesEveryCall() {
        Set<Thread> before = selectorThreads();
        OutboundHttpClient outbound = new OutboundHttpClient(Duration.ofSeconds(3));
        assertThat(startedSince(before)).isEmpty();

        HttpClient first = outbound.get();
        assertThat(startedSince(before)).hasSize(1);
        assertThat(outbound.get()).isSameAs(first);
        assertThat(startedSince(before)).hasSize(1);
    }

    @Test
    void itNeverFollowsARedirectAndConnectsWithinTheCallsTimeout() {
        HttpClient client = new OutboundHttpClient(Duration.ofMillis(750)).get();
        assertThat(client.followRedirects()).isEqualTo(HttpClient.Redirect.NEVER);
        assertThat(client.connectTimeout()).contains(Duration.ofMillis(750));
    }
}
