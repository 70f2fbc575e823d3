package dev.latchkey.domain.webhook;

import java.util.List;

/** The events a webhook endpoint can subscribe to. */
public final class WebhookEvents {
    /** A workload asked for an approval (a sensitive action waits for a person). */
    public static final String APPROVAL_REQUESTED = "approval.requested";
    /** A person approved or rejected an approval request. */
    public static final String APPROVAL_DECIDED = "approval.decided";

    public static final List<String> ALL = List.of(APPROVAL_REQUESTED, APPROVAL_DECIDED);

    private WebhookEvents() {}
}
