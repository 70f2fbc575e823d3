package dev.latchkey.domain.webhook;

import dev.latchkey.domain.audit.AuditTrail;
import dev.latchkey.domain.audit.Initiator;
import dev.latchkey.domain.auth.AccessPolicy;
import dev.latchkey.domain.auth.Authority;
import dev.latchkey.domain.auth.Principal;
import dev.latchkey.domain.common.IdGenerator;
import dev.latchkey.domain.common.SecretSealer;
import dev.latchkey.domain.error.AuthError;
import dev.latchkey.domain.error.AuthFailure;
import dev.latchkey.domain.error.RequestRejected;
import java.net.URI;
import java.net.URISyntaxException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A workspace's webhook endpoints: created with the events they want (the signing secret shown once),
 * listed, deleted, and their delivery log read. The URL is hostile input: https only (plain http only
 * where configured, for local receivers), no credentials or fragment, and an address the sender
 * accepts — never this server's own network unless the operator allowed it.
 */
public final class ManageWebhooks {
    /** Endpoints a workspace may have; each event is sent to every one of them. */
    public static final int MAX_ENDPOINTS_PER_WORKSPACE = 10;

    static final int MAX_URL_LENGTH = 2000;
    /** The most deliveries one read of the log returns. */
    public static final int MAX_LOG_ENTRIES = 100;

    private final WebhookStore store;
    private final WebhookSender sender;
    private final SecretSealer sealer;
    private final IdGenerator ids;
    private final SecureRandom random;
    private final Clock clock;
    private final AuditTrail audit;
    private final boolean allowHttp;

    public ManageWebhooks(
            WebhookStore store,
            WebhookSender sender,
            SecretSealer sealer,
            IdGenerator ids,
            SecureRandom random,
            Clock clock,
            AuditTrail audit,
            boolean allowHttp) {
        this.store = store;
        this.sender = sender;
        this.sealer = sealer;
        this.ids = ids;
        this.random = random;
        this.clock = clock;
        this.audit = audit;
        this.allowHttp = allowHttp;
    }

    /** A new endpoint and its signing secret, which is never shown again. */
    public record Created(WebhookEndpoint endpoint, String secret) {}

    public Created create(Principal caller, String url, List<String> events, Initiator initiator) {
        String tenant = AccessPolicy.requireTenant(caller);
        if (Authority.isDelegated(caller.credentialKind())) {
            // An agent choosing where a workspace's approval events go could watch every other workload's.
            throw new AuthFailure(
                    AuthError.INSUFFICIENT_SCOPE,
                    "Webhooks are configured by people and API keys, never by a workload or OAuth token");
        }
        URI target = checkedUrl(url);
        Set<String> wanted = checkedEvents(events);
        if (store.endpointsOf(tenant).size() >= MAX_ENDPOINTS_PER_WORKSPACE) {
            throw RequestRejected.invalid(
                    "A workspace has at most " + MAX_ENDPOINTS_PER_WORKSPACE + " webhook endpoints; delete one first");
        }
        String id = ids.newId("whk");
        byte[] key = new byte[WebhookSignature.KEY_BYTES];
        random.nextBytes(key);
        WebhookEndpoint endpoint = new WebhookEndpoint(
                id, tenant, target.toString(), sealer.seal(key, id), wanted, clock.instant(), initiator.actorId());
        store.insertEndpoint(endpoint);
        audit.record(
                tenant,
                initiator,
                "webhook.created",
                id,
                Map.of("url", endpoint.url(), "events", String.join(" ", wanted)));
        String secret = WebhookSignature.secretOf(key);
        java.util.Arrays.fill(key, (byte) 0);
        return new Created(endpoint, secret);
    }

    public List<WebhookEndpoint> list(Principal caller) {
        return store.endpointsOf(AccessPolicy.requireTenant(caller));
    }

    public void delete(Principal caller, String endpointId, Initiator initiator) {
        WebhookEndpoint endpoint = own(caller, endpointId);
        store.deleteEndpoint(endpoint.id());
        audit.record(endpoint.tenantId(), initiator, "webhook.deleted", endpoint.id(), Map.of("url", endpoint.url()));
    }

    /** The endpoint's deliveries, newest first: what was sent, how often, and what came back. */
    public List<WebhookDelivery> deliveries(Principal caller, String endpointId) {
        return store.deliveriesOf(own(caller, endpointId).id(), MAX_LOG_ENTRIES);
    }

    /** An endpoint of the caller's workspace; anyone else's is not found, as an unknown one. */
    private WebhookEndpoint own(Principal caller, String endpointId) {
        String tenant = AccessPolicy.requireTenant(caller);
        return store.findEndpoint(endpointId)
                .filter(e -> e.tenantId().equals(tenant))
                .orElseThrow(() -> RequestRejected.notFound("Webhook endpoint " + endpointId));
    }

    private URI checkedUrl(String url) {
        if (url == null || url.isBlank() || url.length() > MAX_URL_LENGTH) {
            throw RequestRejected.invalid("url is required, at most " + MAX_URL_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw RequestRejected.invalid("url is not a valid URL");
        }
        boolean https = "https".equalsIgnoreCase(uri.getScheme());
        boolean http = allowHttp && "http".equalsIgnoreCase(uri.getScheme());
        if (!(https || http) || uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
            throw RequestRejected.invalid("url must be https://, with a host and no credentials or fragment"
                    + (allowHttp ? " (or http://)" : ""));
        }
        sender.refuses(uri).ifPresent(why -> {
            throw RequestRejected.invalid("url cannot receive webhooks: " + why);
        });
        return uri;
    }

    private static Set<String> checkedEvents(List<String> events) {
        if (events == null || events.isEmpty()) {
            return new LinkedHashSet<>(WebhookEvents.ALL);
        }
        Set<String> wanted = new LinkedHashSet<>();
        for (String event : events) {
            if (!WebhookEvents.ALL.contains(event)) {
                throw RequestRejected.invalid(
                        "Unknown webhook event " + event + "; one of " + String.join(", ", WebhookEvents.ALL));
            }
            wanted.add(event);
        }
        return wanted;
    }
}
