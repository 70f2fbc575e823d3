package dev.latchkey.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The SSRF fence: private addresses are refused in every spelling a resolver or gateway understands. */
class PublicAddressesTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "127.0.0.1",
                "10.1.2.3",
                "172.16.0.1",
                "192.168.1.1",
                "169.254.169.254",
                "100.64.0.1",
                "0.0.0.0",
                "::1",
                "::",
                "fe80::1",
                "fd00::1",
                "::ffff:127.0.0.1",
                "::ffff:169.254.169.254",
                "::127.0.0.1",
                "::10.0.0.1",
                "64:ff9b::7f00:1",
                "64:ff9b::a9fe:a9fe",
                "64:ff9b:1::1",
                "2002:7f00:1::",
                "2002:a9fe:a9fe::1",
                "2001:0:4136:e378:8000:63bf:80ff:fffe",
                "2001:db8::1",
                "100::1"
            })
    void aPrivateAddressInAnyFormIsNotPublic(String address) throws Exception {
        assertThat(PublicAddresses.isPublic(InetAddress.getByName(address))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "93.184.215.14",
                "2606:4700::6810:85e5",
                "64:ff9b::5db8:d70e",
                "2002:5db8:d70e::1",
                "::ffff:93.184.215.14"
            })
    void aPublicAddressIsPublic(String address) throws Exception {
        assertThat(PublicAddresses.isPublic(InetAddress.getByName(address))).isTrue();
    }
}
