package dev.latchkey.outbound;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * The JDK HTTP client an outbound adapter calls through — redirects never followed (a redirect
 * could lead a fenced call to a private address, or a credential to another host), connections
 * given the call's timeout — made on its first call, not when the adapter is.
 *
 * <p>Making a JDK client initialises TLS (the default {@code SSLContext} and its trust store) and
 * starts the client's selector thread: about a fifth of a second of a start here (docs/performance.md),
 * for clients that many configurations never use (no trusted issuer's keys to fetch yet, no webhook,
 * no metadata-document client).
 */
public final class OutboundHttpClient implements Supplier<HttpClient> {
    private final Duration connectTimeout;
    private volatile HttpClient client;

    public OutboundHttpClient(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    /**
     * The client, made now if this is the first call.
     *
     * @throws java.io.UncheckedIOException when the JDK cannot open the client's selector (no file
     *     descriptor left, say): a failed call for the caller, as a refused connection would be
     */
    @Override
    public HttpClient get() {
        HttpClient made = client;
        if (made == null) {
            synchronized (this) {
                made = client;
                if (made == null) {
                    made = HttpClient.newBuilder()
                            .connectTimeout(connectTimeout)
                            .followRedirects(HttpClient.Redirect.NEVER)
                            .build();
                    client = made;
                }
            }
        }
        return made;
    }
}
