package dev.latchkey.webhooks;

import dev.latchkey.domain.webhook.WebhookSender;
import dev.latchkey.domain.webhook.WebhookUnreachable;
import dev.latchkey.outbound.OutboundHttpClient;
import dev.latchkey.outbound.PublicAddresses;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Posts webhook events with the JDK HTTP client. The URL is a tenant's, so the call is fenced: every
 * address its host resolves to must be public (checked at registration and again before each attempt,
 * since DNS changes), redirects are not followed (a 3xx is a failed attempt), and the whole attempt —
 * connecting, sending, the receiver's answer — has one deadline, after which it is abandoned. The
 * answer's body is not read beyond what the client buffers: only the status counts. What is left is
 * DNS rebinding between the check and the connection, which pinning the address would close.
 */
public final class HttpWebhookSender implements WebhookSender {
    static final String USER_AGENT = "Latchkey-Webhooks/1";

    private final OutboundHttpClient http;
    private final Duration deadline;
    private final boolean allowPrivateAddresses;
    /** Few, daemon, and refusing beyond a short queue: a slow resolver holds none of the callers' threads long. */
    private final java.util.concurrent.ThreadPoolExecutor resolvers = new java.util.concurrent.ThreadPoolExecutor(
            4, 4, 30, TimeUnit.SECONDS, new java.util.concurrent.ArrayBlockingQueue<>(32), runnable -> {
                Thread thread = new Thread(runnable, "webhook-resolve");
                thread.setDaemon(true);
                return thread;
            });

    /**
     * @param allowPrivateAddresses for receivers on the operator's own network or in tests: lifts the
     *     public-address fence
     */
    public HttpWebhookSender(Duration deadline, boolean allowPrivateAddresses) {
        this.deadline = deadline;
        this.allowPrivateAddresses = allowPrivateAddresses;
        resolvers.allowCoreThreadTimeOut(true); // idle, it holds no thread
        this.http = new OutboundHttpClient(deadline);
    }

    @Override
    public Optional<String> refuses(URI url) {
        if (allowPrivateAddresses) {
            return Optional.empty();
        }
        InetAddress[] addresses;
        try {
            // The system resolver has no deadline of its own: it is asked on a thread of ours, and waited for
            // no longer than an attempt's (a registration waits on it).
            addresses = CompletableFuture.supplyAsync(() -> resolve(url.getHost()), resolvers)
                    .get(deadline.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException slow) {
            return Optional.of("its host did not resolve within " + deadline.toMillis() + " ms");
        } catch (java.util.concurrent.RejectedExecutionException busy) {
            return Optional.of("too many webhook hosts are being resolved; try again shortly");
        } catch (ExecutionException failed) {
            return Optional.of("its host does not resolve");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("its host was not resolved");
        }
        for (InetAddress address : addresses) {
            if (!PublicAddresses.isPublic(address)) {
                return Optional.of("its host resolves to a private or local address");
            }
        }
        return Optional.empty();
    }

    private static InetAddress[] resolve(String host) {
        try {
            return InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            throw new java.util.concurrent.CompletionException(e);
        }
    }

    @Override
    public int post(URI url, Map<String, String> headers, String body) {
        Optional<String> refused = refuses(url);
        if (refused.isPresent()) {
            throw new WebhookUnreachable("not sent: " + refused.get());
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(url)
                .timeout(deadline)
                .header("Content-Type", "application/json")
                .header("User-Agent", USER_AGENT)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        CompletableFuture<HttpResponse<Void>> answer;
        try {
            answer = http.get().sendAsync(request.build(), HttpResponse.BodyHandlers.discarding());
        } catch (java.io.UncheckedIOException noClient) { // the JDK could not open the client's selector
            throw new WebhookUnreachable("no connection could be opened: " + noClient.getMessage());
        }
        try {
            return answer.get(deadline.toMillis(), TimeUnit.MILLISECONDS).statusCode();
        } catch (TimeoutException slow) {
            answer.cancel(true);
            throw new WebhookUnreachable("no answer within " + deadline.toMillis() + " ms");
        } catch (ExecutionException failed) {
            Throwable cause = failed.getCause() == null ? failed : failed.getCause();
            throw new WebhookUnreachable(
                    "connection failed: " + cause.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            answer.cancel(true);
            throw new WebhookUnreachable("interrupted");
        }
    }
}
