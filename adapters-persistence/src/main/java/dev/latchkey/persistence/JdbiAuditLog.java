package dev.latchkey.persistence;

import static dev.latchkey.persistence.Columns.instant;
import static dev.latchkey.persistence.Columns.optionalString;
import static dev.latchkey.persistence.Columns.utc;

import dev.latchkey.domain.audit.AuditEvent;
import dev.latchkey.domain.audit.AuditLog;
import dev.latchkey.domain.audit.AuditPage;
import dev.latchkey.domain.error.RequestRejected;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

/** Append-only: this class has no UPDATE and no DELETE, and the cursor is the append sequence. */
final class JdbiAuditLog implements AuditLog {
    private final Jdbi jdbi;

    JdbiAuditLog(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void append(AuditEvent event) {
        StoreCalls.run(() -> jdbi.useHandle(
                h -> h.createUpdate("INSERT INTO audit_events (id, workspace_id, occurred_at, actor_id, credential_id, "
                                + "action, target_id, source_address, details) VALUES (:id, :ws, :at, :actor, :credential, "
                                + ":action, :target, :source, :details)")
                        .bind("id", event.id())
                        .bind("ws", event.workspaceId())
                        .bind("at", utc(event.occurredAt()))
                        .bind("actor", event.actorId())
                        .bindByType("credential", event.credentialId().orElse(null), String.class)
                        .bind("action", event.action())
                        .bindByType("target", event.targetId().orElse(null), String.class)
                        .bindByType("source", event.sourceAddress().orElse(null), String.class)
                        .bind("details", encode(event.details()))
                        .execute()));
    }

    @Override
    public AuditPage page(String workspaceId, Optional<String> before, int limit) {
        long cursor = before.map(JdbiAuditLog::parseCursor).orElse(Long.MAX_VALUE);
        record Row(long seq, AuditEvent event) {}
        List<Row> rows = StoreCalls.call(() -> jdbi.withHandle(h -> h.createQuery(
                        "SELECT seq, id, workspace_id, occurred_at, actor_id, credential_id, action, target_id, "
                                + "source_address, details FROM audit_events WHERE workspace_id = :ws AND seq < :cursor "
                                + "ORDER BY seq DESC LIMIT :limit")
                .bind("ws", workspaceId)
                .bind("cursor", cursor)
                .bind("limit", limit + 1)
                .map((rs, ctx) -> new Row(rs.getLong("seq"), map(rs, ctx)))
                .list()));
        boolean more = rows.size() > limit;
        List<Row> page = more ? rows.subList(0, limit) : rows;
        Optional<String> next =
                more ? Optional.of(Long.toString(page.get(page.size() - 1).seq())) : Optional.empty();
        return new AuditPage(page.stream().map(Row::event).collect(Collectors.toList()), next);
    }

    private static long parseCursor(String cursor) {
        try {
            long value = Long.parseLong(cursor);
            if (value < 1) {
                throw RequestRejected.invalid("invalid cursor");
            }
            return value;
        } catch (NumberFormatException e) {
            throw RequestRejected.invalid("invalid cursor");
        }
    }

    private static AuditEvent map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new AuditEvent(
                rs.getString("id"),
                rs.getString("workspace_id"),
                instant(rs, "occurred_at"),
                rs.getString("actor_id"),
                optionalString(rs, "credential_id"),
                rs.getString("action"),
                optionalString(rs, "target_id"),
                optionalString(rs, "source_address"),
                decode(rs.getString("details")));
    }

    /** Details as an {@code application/x-www-form-urlencoded} string: portable, no JSON type needed. */
    static String encode(Map<String, String> details) {
        return new TreeMap<>(details)
                .entrySet().stream()
                        .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                        .collect(Collectors.joining("&"));
    }

    static Map<String, String> decode(String encoded) {
        Map<String, String> details = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return details;
        }
        Arrays.stream(encoded.split("&")).forEach(pair -> {
            int eq = pair.indexOf('=');
            details.put(
                    URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        });
        return details;
    }
}
