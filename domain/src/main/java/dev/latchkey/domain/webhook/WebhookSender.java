package dev.latchkey.domain.webhook;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

/** Posts a signed event to a receiver's URL: the one outbound call webhooks make. */
public interface WebhookSender {

    /**
     * Posts {@code body} as JSON with {@code headers}, within a total deadline, following no redirect.
     *
     * @return the receiver's HTTP status
     * @throws WebhookUnreachable when no answer came: refused address, connection failure, deadline
     */
    int post(URI url, Map<String, String> headers, String body);

    /** Why this URL may not receive webhooks (a private or local address, say); empty when it may. */
    Optional<String> refuses(URI url);
}
