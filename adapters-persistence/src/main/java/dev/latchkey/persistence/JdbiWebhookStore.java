package dev.latchkey.persistence;

import static dev.latchkey.persistence.Columns.instant;
import static dev.latchkey.persistence.Columns.optionalInstant;
import static dev.latchkey.persistence.Columns.optionalString;
import static dev.latchkey.persistence.Columns.utc;

import dev.latchkey.domain.webhook.WebhookDelivery;
import dev.latchkey.domain.webhook.WebhookEndpoint;
import dev.latchkey.domain.webhook.WebhookStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

/** A claim is a conditional UPDATE on the attempt count, so two instances cannot both make one attempt. */
final class JdbiWebhookStore implements WebhookStore {
    private static final String ENDPOINT_COLUMNS = "id, tenant_id, url, sealed_secret, events, created_at, created_by";
    private static final String DELIVERY_COLUMNS = "id, endpoint_id, tenant_id, event, payload, status, attempts, "
            + "created_at, next_attempt_at, last_attempt_at, last_status, last_error";

    private final Jdbi jdbi;

    JdbiWebhookStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void insertEndpoint(WebhookEndpoint e) {
        StoreCalls.run(() -> jdbi.useHandle(h -> h.createUpdate("INSERT INTO webhook_endpoints (" + ENDPOINT_COLUMNS
                        + ") VALUES (:id, :tenant, :url, :secret, :events, :createdAt, :createdBy)")
                .bind("id", e.id())
                .bind("tenant", e.tenantId())
                .bind("url", e.url())
                .bind("secret", e.sealedSecret())
                .bind("events", e.events().stream().sorted().collect(Collectors.joining(" ")))
                .bind("createdAt", utc(e.createdAt()))
                .bind("createdBy", e.createdBy())
                .execute()));
    }

    @Override
    public Optional<WebhookEndpoint> findEndpoint(String id) {
        return StoreCalls.call(() -> jdbi.withHandle(
                h -> h.createQuery("SELECT " + ENDPOINT_COLUMNS + " FROM webhook_endpoints WHERE id = :id")
                        .bind("id", id)
                        .map(JdbiWebhookStore::endpoint)
                        .findOne()));
    }

    @Override
    public List<WebhookEndpoint> endpointsOf(String tenantId) {
        return StoreCalls.call(() -> jdbi.withHandle(h -> h.createQuery("SELECT " + ENDPOINT_COLUMNS
                        + " FROM webhook_endpoints WHERE tenant_id = :tenant ORDER BY created_at, id")
                .bind("tenant", tenantId)
                .map(JdbiWebhookStore::endpoint)
                .list()));
    }

    @Override
    public boolean deleteEndpoint(String id) {
        return StoreCalls.call(() -> jdbi.inTransaction(h -> {
            h.createUpdate("DELETE FROM webhook_deliveries WHERE endpoint_id = :id")
                    .bind("id", id)
                    .execute();
            return h.createUpdate("DELETE FROM webhook_endpoints WHERE id = :id")
                            .bind("id", id)
                            .execute()
                    == 1;
        }));
    }

    @Override
    public void insertDelivery(WebhookDelivery d) {
        StoreCalls.run(() -> jdbi.useHandle(h -> h.createUpdate("INSERT INTO webhook_deliveries (" + DELIVERY_COLUMNS
                        + ") VALUES (:id, :endpoint, :tenant, :event, :payload, :status, :attempts, :createdAt, "
                        + ":next, :last, :lastStatus, :lastError)")
                .bind("id", d.id())
                .bind("endpoint", d.endpointId())
                .bind("tenant", d.tenantId())
                .bind("event", d.event())
                .bind("payload", d.payload())
                .bind("createdAt", utc(d.createdAt()))
                .bind("status", d.status().name())
                .bind("attempts", d.attempts())
                .bind("next", utc(d.nextAttemptAt()))
                .bindByType("last", Columns.utcOrNull(d.lastAttemptAt()), OffsetDateTime.class)
                .bindByType("lastStatus", d.lastStatus().orElse(null), Integer.class)
                .bindByType("lastError", d.lastError().orElse(null), String.class)
                .execute()));
    }

    @Override
    public List<WebhookDelivery> due(Instant now, int limit) {
        return StoreCalls.call(() -> jdbi.withHandle(h -> h.createQuery("SELECT " + DELIVERY_COLUMNS
                        + " FROM webhook_deliveries WHERE status = 'PENDING' AND next_attempt_at <= :now "
                        + "ORDER BY next_attempt_at, id")
                .bind("now", utc(now))
                .setMaxRows(limit)
                .map(JdbiWebhookStore::delivery)
                .list()));
    }

    @Override
    public boolean claim(String deliveryId, int attempts, Instant now, Instant leaseUntil) {
        return StoreCalls.call(() -> jdbi.withHandle(
                        h -> h.createUpdate("UPDATE webhook_deliveries SET next_attempt_at = :lease WHERE id = :id "
                                        + "AND status = 'PENDING' AND attempts = :attempts AND next_attempt_at <= :now")
                                .bind("lease", utc(leaseUntil))
                                .bind("id", deliveryId)
                                .bind("attempts", attempts)
                                .bind("now", utc(now))
                                .execute())
                == 1);
    }

    @Override
    public void recordAttempt(WebhookDelivery d) {
        StoreCalls.run(() -> jdbi.useHandle(h -> h.createUpdate("UPDATE webhook_deliveries SET status = :status, "
                        + "attempts = :attempts, next_attempt_at = :next, last_attempt_at = :last, "
                        + "last_status = :lastStatus, last_error = :lastError WHERE id = :id")
                .bind("status", d.status().name())
                .bind("attempts", d.attempts())
                .bind("next", utc(d.nextAttemptAt()))
                .bindByType("last", Columns.utcOrNull(d.lastAttemptAt()), OffsetDateTime.class)
                .bindByType("lastStatus", d.lastStatus().orElse(null), Integer.class)
                .bindByType("lastError", d.lastError().orElse(null), String.class)
                .bind("id", d.id())
                .execute()));
    }

    @Override
    public List<WebhookDelivery> deliveriesOf(String endpointId, int limit) {
        return StoreCalls.call(() -> jdbi.withHandle(h -> h.createQuery("SELECT " + DELIVERY_COLUMNS
                        + " FROM webhook_deliveries WHERE endpoint_id = :endpoint ORDER BY created_at DESC, id DESC")
                .bind("endpoint", endpointId)
                .setMaxRows(limit)
                .map(JdbiWebhookStore::delivery)
                .list()));
    }

    @Override
    public int deleteFinishedBefore(Instant cutoff) {
        return StoreCalls.call(() -> jdbi.withHandle(
                h -> h.createUpdate("DELETE FROM webhook_deliveries WHERE status <> 'PENDING' AND created_at < :cutoff")
                        .bind("cutoff", utc(cutoff))
                        .execute()));
    }

    private static WebhookEndpoint endpoint(ResultSet rs, StatementContext ctx) throws SQLException {
        return new WebhookEndpoint(
                rs.getString("id"),
                rs.getString("tenant_id"),
                rs.getString("url"),
                rs.getString("sealed_secret"),
                Set.copyOf(Arrays.asList(rs.getString("events").split(" "))),
                instant(rs, "created_at"),
                rs.getString("created_by"));
    }

    private static WebhookDelivery delivery(ResultSet rs, StatementContext ctx) throws SQLException {
        int lastStatus = rs.getInt("last_status");
        Optional<Integer> answered = rs.wasNull() ? Optional.empty() : Optional.of(lastStatus);
        return new WebhookDelivery(
                rs.getString("id"),
                rs.getString("endpoint_id"),
                rs.getString("tenant_id"),
                rs.getString("event"),
                rs.getString("payload"),
                WebhookDelivery.Status.valueOf(rs.getString("status")),
                rs.getInt("attempts"),
                instant(rs, "created_at"),
                instant(rs, "next_attempt_at"),
                optionalInstant(rs, "last_attempt_at"),
                answered,
                optionalString(rs, "last_error"));
    }
}
