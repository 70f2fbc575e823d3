package dev.latchkey.domain.webhook;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * Where a workspace wants its approval events sent. The signing secret is held sealed ({@link
 * SecretSealer}, bound to this endpoint's id): shown once at creation, never stored in the clear.
 */
public record WebhookEndpoint(
        String id,
        String tenantId,
        String url,
        String sealedSecret,
        Set<String> events,
        Instant createdAt,
        String createdBy) {

    public WebhookEndpoint {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(sealedSecret, "sealedSecret");
        events = Set.copyOf(events);
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(createdBy, "createdBy");
    }

    public boolean wants(String event) {
        return events.contains(event);
    }
}
