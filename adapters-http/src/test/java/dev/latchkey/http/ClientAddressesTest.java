package dev.latchkey.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** X-Forwarded-For names the client only when a trusted proxy says so, read from the right. */
class ClientAddressesTest {
    private final ClientAddresses behindBalancer = new ClientAddresses(
            List.of(ClientAddresses.Cidr.parse("10.0.0.0/8"), ClientAddresses.Cidr.parse("fd00::/8")));

    @Test
    void withNoTrustedProxiesTheHeaderIsIgnored() {
        assertThat(new ClientAddresses(List.of()).clientOf("203.0.113.9", List.of("198.51.100.1")))
                .isEqualTo("203.0.113.9");
    }

    @Test
    void fromAnUntrustedPeerTheHeaderIsIgnored() {
        assertThat(behindBalancer.clientOf("203.0.113.9", List.of("198.51.100.1")))
                .isEqualTo("203.0.113.9");
    }

    @Test
    void fromATrustedProxyTheFirstUntrustedHopFromTheRightIsTheClient() {
        assertThat(behindBalancer.clientOf("10.1.1.1", List.of("198.51.100.1"))).isEqualTo("198.51.100.1");
        assertThat(behindBalancer.clientOf("10.1.1.1", List.of("6.6.6.6, 198.51.100.1, 10.2.2.2")))
                .as("what the client wrote further left is not believed")
                .isEqualTo("198.51.100.1");
        assertThat(behindBalancer.clientOf("10.1.1.1", List.of("6.6.6.6", "198.51.100.1")))
                .isEqualTo("198.51.100.1");
        assertThat(behindBalancer.clientOf("fd00::1", List.of("2001:db8::7"))).isEqualTo("2001:db8::7");
    }

    @Test
    void aMalformedHopStopsTheWalk() {
        assertThat(behindBalancer.clientOf("10.1.1.1", List.of("evil.example, 10.2.2.2")))
                .isEqualTo("10.2.2.2");
        assertThat(behindBalancer.clientOf("10.1.1.1", List.of())).isEqualTo("10.1.1.1");
    }

    @Test
    void aBadNetworkIsRefusedAtStartUp() {
        assertThatThrownBy(() -> ClientAddresses.Cidr.parse("10.0.0.0/33"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ClientAddresses.Cidr.parse("proxy.internal"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
