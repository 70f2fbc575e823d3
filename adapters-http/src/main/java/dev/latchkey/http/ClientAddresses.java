package dev.latchkey.http;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * The client address every limit is keyed on (failed logins, registrations, client registrations):
 * the socket's peer — or, when that peer is one of the configured trusted proxies, the address the
 * proxy names in {@code X-Forwarded-For}. The header is read from the right, skipping trusted proxies,
 * so the first untrusted hop is the client: entries further left are whatever the client wrote.
 * With no trusted proxies (the default) the header is ignored entirely, since anyone can send it.
 */
public final class ClientAddresses implements Filter {
    /**
     * The request attribute holding the client's address, for code that sees the request only
     * through JAX-RS (whose request properties are the servlet request's attributes).
     */
    public static final String ATTRIBUTE = "latchkey.clientAddress";

    private final List<Cidr> trusted;

    /** A network in CIDR notation ({@code 10.0.0.0/8}, {@code fd00::/8}) or one address. */
    public record Cidr(byte[] network, int prefix) {
        public static Cidr parse(String text) {
            String[] parts = text.strip().split("/", 2);
            try {
                byte[] address = InetAddress.getByName(literal(parts[0])).getAddress();
                int prefix = parts.length == 2 ? Integer.parseInt(parts[1]) : address.length * 8;
                if (prefix < 0 || prefix > address.length * 8) {
                    throw new IllegalArgumentException("bad prefix length in " + text);
                }
                return new Cidr(address, prefix);
            } catch (UnknownHostException | NumberFormatException e) {
                throw new IllegalArgumentException("not an address or network: " + text);
            }
        }

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int bits = address.length * 8;
            BigInteger mask = prefix == 0
                    ? BigInteger.ZERO
                    : BigInteger.ONE
                            .shiftLeft(bits)
                            .subtract(BigInteger.ONE)
                            .shiftRight(bits - prefix)
                            .shiftLeft(bits - prefix);
            return new BigInteger(1, address).and(mask).equals(new BigInteger(1, network).and(mask));
        }
    }

    public ClientAddresses(List<Cidr> trusted) {
        this.trusted = List.copyOf(trusted);
    }

    /** The client's address for a peer and the {@code X-Forwarded-For} values it sent. */
    String clientOf(String peer, List<String> forwardedFor) {
        if (trusted.isEmpty() || !isTrusted(peer)) {
            return peer;
        }
        String client = peer;
        for (int i = forwardedFor.size() - 1; i >= 0; i--) {
            String[] hops = forwardedFor.get(i).split(",");
            for (int j = hops.length - 1; j >= 0; j--) {
                String hop = hops[j].strip();
                if (hop.isEmpty() || !isAddress(hop)) {
                    return client; // a malformed hop: trust nothing beyond it
                }
                client = hop;
                if (!isTrusted(hop)) {
                    return hop;
                }
            }
        }
        return client;
    }

    private boolean isTrusted(String address) {
        try {
            byte[] bytes = InetAddress.getByName(literal(address)).getAddress();
            return trusted.stream().anyMatch(cidr -> cidr.contains(bytes));
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static boolean isAddress(String text) {
        return text.matches("[0-9.]{7,15}|\\[?[0-9A-Fa-f:.]{2,45}]?");
    }

    /** Only literals are ever parsed: a name would send a DNS lookup. */
    private static String literal(String text) throws UnknownHostException {
        String stripped = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
        if (!stripped.matches("[0-9.]+|[0-9A-Fa-f:.]+")) {
            throw new UnknownHostException("not an address literal");
        }
        return stripped;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (trusted.isEmpty()) {
            request.setAttribute(ATTRIBUTE, request.getRemoteAddr());
            chain.doFilter(request, response);
            return;
        }
        HttpServletRequest http = (HttpServletRequest) request;
        String client = clientOf(http.getRemoteAddr(), java.util.Collections.list(http.getHeaders("X-Forwarded-For")));
        request.setAttribute(ATTRIBUTE, client);
        chain.doFilter(
                new HttpServletRequestWrapper(http) {
                    @Override
                    public String getRemoteAddr() {
                        return client;
                    }
                },
                response);
    }
}
