package dev.latchkey.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.latchkey.domain.webhook.WebhookUnreachable;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The sender against a real local HTTP server: what it sends, and where it stops. */
class HttpWebhookSenderTest {
    private HttpServer receiver;
    private final List<String> received = new CopyOnWriteArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);

    @BeforeEach
    void start() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.setExecutor(Executors.newCachedThreadPool());
        receiver.createContext("/hook", exchange -> {
            received.add(exchange.getRequestHeaders().getFirst("webhook-id") + " "
                    + exchange.getRequestHeaders().getFirst("Content-Type") + " "
                    + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.createContext("/moved", exchange -> {
            exchange.getResponseHeaders().add("Location", base() + "/hook");
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        receiver.createContext("/stall", exchange -> {
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stop() {
        release.countDown();
        receiver.stop(0);
    }

    private String base() {
        return "http://127.0.0.1:" + receiver.getAddress().getPort();
    }

    @Test
    void postsTheBodyWithItsHeadersAndAnswersTheReceiversStatus() {
        HttpWebhookSender sender = new HttpWebhookSender(Duration.ofSeconds(2), true);

        int status = sender.post(URI.create(base() + "/hook"), Map.of("webhook-id", "msg_1"), "{\"a\":1}");

        assertThat(status).isEqualTo(204);
        assertThat(received).containsExactly("msg_1 application/json {\"a\":1}");
    }

    @Test
    void aRedirectIsAnAnswerNotAPlaceToGo() {
        HttpWebhookSender sender = new HttpWebhookSender(Duration.ofSeconds(2), true);

        assertThat(sender.post(URI.create(base() + "/moved"), Map.of(), "{}")).isEqualTo(302);
        assertThat(received).as("the redirect's target was never posted to").isEmpty();
    }

    @Test
    void aReceiverThatStallsIsAbandonedAtTheDeadline() {
        HttpWebhookSender sender = new HttpWebhookSender(Duration.ofMillis(300), true);

        assertThatThrownBy(() -> sender.post(URI.create(base() + "/stall"), Map.of(), "{}"))
                .isInstanceOf(WebhookUnreachable.class)
                .hasMessageContaining("no answer within 300 ms");
    }

    @Test
    void privateAndLocalAddressesAreRefusedUnlessTheOperatorAllowedThem() {
        HttpWebhookSender fenced = new HttpWebhookSender(Duration.ofSeconds(2), false);

        for (String url : List.of(
                base() + "/hook",
                "http://169.254.169.254/latest/meta-data",
                "https://10.0.0.8/hook",
                "https://[::1]/hook",
                "https://localhost/hook")) {
            assertThat(fenced.refuses(URI.create(url))).as(url).isPresent();
        }
        assertThat(fenced.refuses(URI.create("https://nonexistent.invalid/hook")))
                .contains("its host does not resolve");
        assertThatThrownBy(() -> fenced.post(URI.create(base() + "/hook"), Map.of(), "{}"))
                .isInstanceOf(WebhookUnreachable.class)
                .hasMessageContaining("private or local");
        assertThat(received).isEmpty();
    }
}
