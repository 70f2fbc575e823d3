package dev.latchkey.outbound;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;

/**
 * Whether an address is on the public internet. A server that fetches URLs its callers name must
 * not be turned against its own network (SSRF): loopback, private, link-local (cloud metadata at
 * 169.254.169.254), carrier-grade NAT, unique-local, multicast and unspecified addresses are not
 * public — nor is an IPv6 address that carries a non-public IPv4 one inside it (IPv4-mapped,
 * IPv4-compatible, NAT64 {@code 64:ff9b::/96}, 6to4 {@code 2002::/16}, Teredo {@code 2001::/32}, which a
 * resolver or a gateway turns back into that IPv4 address), nor local-use NAT64, discard-only or
 * documentation prefixes.
 */
public final class PublicAddresses {
    private PublicAddresses() {}

    public static boolean isPublic(InetAddress address) {
        if (address.isLoopbackAddress()
                || address.isAnyLocalAddress()
                || address.isLinkLocalAddress()
                || address.isSiteLocalAddress()
                || address.isMulticastAddress()) {
            return false;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return !(first == 0
                    || first >= 240 // "this network", reserved and broadcast
                    || (first == 100 && second >= 64 && second <= 127) // carrier-grade NAT
                    || (first == 192 && second == 0 && (b[2] & 0xff) == 0) // IETF protocol assignments
                    || (first == 198 && (second == 18 || second == 19))); // benchmarking
        }
        if (address instanceof Inet6Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            boolean nat64 = first == 0x00 && second == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b;
            if ((first & 0xfe) == 0xfc // unique local fc00::/7
                    || (first == 0x01 && second == 0x00 && isZero(b, 2, 8)) // 100::/64 discard-only
                    || (first == 0x20 && second == 0x01 && (b[2] & 0xff) == 0x0d && (b[3] & 0xff) == 0xb8)) {
                return false; // 2001:db8::/32 documentation
            }
            if (isIpv4Mapped(b)
                    || isZero(b, 0, 12) // ::ffff:a.b.c.d and the deprecated ::a.b.c.d
                    || (nat64 && isZero(b, 4, 12))) { // NAT64 64:ff9b::a.b.c.d
                return isPublicIpv4(b[12], b[13], b[14], b[15]);
            }
            if (nat64) {
                return false; // 64:ff9b:1::/48, local-use NAT64
            }
            if (first == 0x20 && second == 0x02) { // 6to4: 2002:a.b.c.d::/48
                return isPublicIpv4(b[2], b[3], b[4], b[5]);
            }
            if (first == 0x20 && second == 0x01 && b[2] == 0 && b[3] == 0) { // Teredo: server, and client XOR 0xff
                return isPublicIpv4(b[4], b[5], b[6], b[7])
                        && isPublicIpv4((byte) ~b[12], (byte) ~b[13], (byte) ~b[14], (byte) ~b[15]);
            }
        }
        return true;
    }

    private static boolean isPublicIpv4(byte a, byte b, byte c, byte d) {
        try {
            return isPublic(InetAddress.getByAddress(new byte[] {a, b, c, d}));
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }

    private static boolean isZero(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean isIpv4Mapped(byte[] b) {
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
    }
}
