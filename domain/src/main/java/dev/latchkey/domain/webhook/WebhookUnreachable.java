package dev.latchkey.domain.webhook;

/** No HTTP answer from a webhook receiver; the message says why, for the delivery log. */
public final class WebhookUnreachable extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public WebhookUnreachable(String reason) {
        super(reason);
    }
}
