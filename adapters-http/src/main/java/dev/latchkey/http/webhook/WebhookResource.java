package dev.latchkey.http.webhook;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.latchkey.domain.auth.Principal;
import dev.latchkey.domain.webhook.ManageWebhooks;
import dev.latchkey.domain.webhook.WebhookDelivery;
import dev.latchkey.domain.webhook.WebhookEndpoint;
import dev.latchkey.http.RequestSource;
import dev.latchkey.http.RequestValues;
import dev.latchkey.http.auth.Authenticated;
import dev.latchkey.http.auth.CallerContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A workspace's webhook endpoints and their delivery log. */
@Path("/internal/auth/webhooks")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class WebhookResource {
    private final ManageWebhooks webhooks;

    public WebhookResource(ManageWebhooks webhooks) {
        this.webhooks = webhooks;
    }

    /** {@code POST /internal/auth/webhooks} body; no {@code events}: every event. */
    public record CreateRequest(String url, List<String> events) {}

    /** An endpoint; {@code secret} only in the answer that created it. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record EndpointView(
            String id, String url, List<String> events, String createdAt, String createdBy, String secret) {
        static EndpointView of(WebhookEndpoint e, String secret) {
            return new EndpointView(
                    e.id(),
                    e.url(),
                    e.events().stream().sorted().toList(),
                    e.createdAt().toString(),
                    e.createdBy(),
                    secret);
        }
    }

    /** One delivery as the log shows it: never the signature, which a reader could replay. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record DeliveryView(
            String id,
            String event,
            String status,
            int attempts,
            String createdAt,
            String lastAttemptAt,
            Integer lastStatus,
            String lastError,
            String nextAttemptAt,
            String payload) {
        static DeliveryView of(WebhookDelivery d) {
            boolean pending = d.status() == WebhookDelivery.Status.PENDING;
            return new DeliveryView(
                    d.id(),
                    d.event(),
                    d.status().name().toLowerCase(Locale.ROOT),
                    d.attempts(),
                    d.createdAt().toString(),
                    d.lastAttemptAt().map(Instant::toString).orElse(null),
                    d.lastStatus().orElse(null),
                    d.lastError().orElse(null),
                    pending ? d.nextAttemptAt().toString() : null,
                    d.payload());
        }
    }

    @POST
    @Authenticated(scopes = "webhooks:write")
    public Response create(CreateRequest body, @Context SecurityContext security, @Context HttpServletRequest http) {
        Principal caller = CallerContext.principal(security);
        CreateRequest request = RequestValues.requireBody(body);
        ManageWebhooks.Created created =
                webhooks.create(caller, request.url(), request.events(), RequestSource.initiator(caller, http));
        return Response.status(Response.Status.CREATED)
                .cacheControl(CacheControl.valueOf("no-store"))
                .entity(EndpointView.of(created.endpoint(), created.secret()))
                .build();
    }

    @GET
    @Authenticated(scopes = "webhooks:read")
    public Map<String, List<EndpointView>> list(@Context SecurityContext security) {
        return Map.of(
                "data",
                webhooks.list(CallerContext.principal(security)).stream()
                        .map(e -> EndpointView.of(e, null))
                        .toList());
    }

    @DELETE
    @Path("/{id}")
    @Authenticated(scopes = "webhooks:write")
    public Response delete(
            @PathParam("id") String id, @Context SecurityContext security, @Context HttpServletRequest http) {
        Principal caller = CallerContext.principal(security);
        webhooks.delete(caller, id, RequestSource.initiator(caller, http));
        return Response.noContent().build();
    }

    @GET
    @Path("/{id}/deliveries")
    @Authenticated(scopes = "webhooks:read")
    public Map<String, List<DeliveryView>> deliveries(@PathParam("id") String id, @Context SecurityContext security) {
        return Map.of(
                "data",
                webhooks.deliveries(CallerContext.principal(security), id).stream()
                        .map(DeliveryView::of)
                        .toList());
    }
}
