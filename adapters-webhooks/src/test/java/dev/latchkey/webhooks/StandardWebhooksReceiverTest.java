package dev.latchkey.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.standardwebhooks.Webhook;
import com.sun.net.httpserver.HttpServer;
import dev.latchkey.domain.webhook.WebhookSignature;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What Latchkey signs, a receiver using Standard Webhooks' own library accepts — and a body, an id
 * or a secret changed on the way it refuses.
 */
class StandardWebhooksReceiverTest {
    private final byte[] key = new byte[WebhookSignature.KEY_BYTES];
    private HttpServer receiver;
    private final List<String> verdicts = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException, com.standardwebhooks.exceptions.EmptyWebhookSecretException {
        new SecureRandom().nextBytes(key);
        Webhook verifier = new Webhook(WebhookSignature.secretOf(key));
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, List<String>> headers = new java.util.HashMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), values));
            int status;
            try {
                verifier.verify(body, headers);
                verdicts.add("verified " + body);
                status = 204;
            } catch (Exception refused) {
                verdicts.add("refused");
                status = 401;
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stop() {
        receiver.stop(0);
    }

    private int send(String id, String signedBody, String sentBody, byte[] signingKey) {
        HttpWebhookSender sender = new HttpWebhookSender(Duration.ofSeconds(2), true);
        return sender.post(
                URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook"),
                WebhookSignature.headers(id, Instant.now().getEpochSecond(), signedBody, signingKey),
                sentBody);
    }

    @Test
    void aSignedEventIsVerifiedByTheStandardWebhooksLibrary() {
        String body = "{\"type\":\"approval.requested\",\"data\":{\"approval_id\":\"apr_1\",\"note\":\"é \\\"q\\\"\"}}";

        assertThat(send("msg_1", body, body, key)).isEqualTo(204);
        assertThat(verdicts).containsExactly("verified " + body);
    }

    @Test
    void anEditedBodyOrAnotherSecretIsRefused() {
        String body = "{\"type\":\"approval.decided\"}";
        byte[] other = key.clone();
        other[0] ^= 1;

        assertThat(send("msg_2", body, body.replace("decided", "requested"), key))
                .isEqualTo(401);
        assertThat(send("msg_3", body, body, other)).isEqualTo(401);
        assertThat(verdicts).containsExactly("refused", "refused");
    }
}
