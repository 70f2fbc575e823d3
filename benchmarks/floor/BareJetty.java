import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;

/**
 * The floor a decision is measured against: the same Jetty 12 that Latchkey ships, with one core
 * handler and nothing else (no servlet container, no filters, no metrics, no request log). At
 * {@code /x} it answers a 200 with a two-byte body (the "bare Jetty handler"); at any other
 * path it answers as an allowed forward-auth decision does, with the same response headers of the
 * same lengths and an empty body, so that the bytes on the wire are the decision's. Run as a
 * single-file program on Latchkey's jar:
 * {@code java -cp app/target/latchkey.jar benchmarks/floor/BareJetty.java PORT}.
 */
public final class BareJetty {
    private static final ByteBuffer OK = ByteBuffer.wrap("ok".getBytes(StandardCharsets.US_ASCII));

    /** An allowed decision's headers, as Latchkey answered a cached OAuth token (values of the same lengths). */
    private static final Map<String, String> DECISION = decision();

    private static Map<String, String> decision() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Vary", "Accept-Encoding");
        headers.put("X-Request-Id", "0d0d8a5f-86d5-ee7f-8ce6-bee08ac10f7c");
        headers.put("X-Latchkey-Actor", "usr_UoVUBgYF7VMyprSRZaeH");
        headers.put("X-Latchkey-Actor-Kind", "human");
        headers.put("X-Latchkey-Tenant", "ws_31tnC5ccxThSe0buhdWU");
        headers.put("X-Latchkey-Role", "owner");
        headers.put("X-Latchkey-Scopes", "records:read");
        headers.put("X-Latchkey-Owner-Scopes", "");
        headers.put("X-Latchkey-Credential-Kind", "oauth");
        headers.put("X-Latchkey-Credential-Id", "oat_0VcenA8gIdQKeiT1Xk2kVI9m");
        headers.put("X-Latchkey-Principal", "e".repeat(869)); // a signed principal assertion's length
        headers.put("RateLimit-Limit", "100000000");
        headers.put("RateLimit-Remaining", "99999999");
        headers.put("RateLimit-Reset", "0");
        return headers;
    }

    public static void main(String[] args) throws Exception {
        // Logback, unconfigured on this class path, would log every request at DEBUG.
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        Server server = new Server();
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false); // as Latchkey's connectors
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost("127.0.0.1");
        connector.setPort(Integer.parseInt(args[0]));
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract.NonBlocking() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                response.setStatus(200);
                if (request.getHttpURI().getPath().equals("/x")) {
                    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain");
                    response.write(true, OK.slice(), callback);
                    return true;
                }
                HttpFields.Mutable headers = response.getHeaders();
                DECISION.forEach((name, value) -> headers.put(name, value));
                headers.put(HttpHeader.CONTENT_LENGTH, 0);
                response.write(true, null, callback);
                return true;
            }
        });
        server.start();
        server.join();
    }
}
