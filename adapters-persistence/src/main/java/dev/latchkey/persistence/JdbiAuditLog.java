package dev.latchkey.persistence;

import static dev.latchkey.persistence.Columns.instant;
import static dev.latchkey.persistence.Columns.optionalString;
import static dev.latchkey.persistence.Columns.utc;

import dev.latchkey.domain.audit.AuditChain;
import dev.latchkey.domain.audit.AuditEvent;
import dev.latchkey.domain.audit.AuditLog;
import dev.latchkey.domain.audit.AuditPage;
import dev.latchkey.domain.audit.ChainedAuditEvent;
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
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Append-only: this class has no UPDATE and no DELETE, and the cursor is the append sequence. Each
 * append links to the workspace's newest hash; the unique (workspace, prev_hash) constraint turns a
 * race for the head into a retry.
 */
final class JdbiAuditLog implements AuditLog {
    private static final String COLUMNS = "seq, id, workspace_id, occurred_at, actor_id, credential_id, action, "
            + "target_id, source_address, details";
    /** Appends racing for one workspace's head: each loser retries against the new head. */
    private static final int MAX_APPEND_ATTEMPTS = 50;

    private final Jdbi jdbi;

    JdbiAuditLog(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void append(AuditEvent event) {
        for (int attempt = 1; ; attempt++) {
            try {
                StoreCalls.run(() -> jdbi.useTransaction(h -> appendAfterHead(h, event)));
                return;
            } catch (JdbiException e) {
                // Another append to this workspace took the head first: link to the new head instead.
                if (!StoreCalls.isUniqueViolation(e) || attempt >= MAX_APPEND_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    private static void appendAfterHead(Handle h, AuditEvent event) {
        String previous = h.createQuery("SELECT hash FROM audit_events WHERE workspace_id = :ws "
                        + "AND hash IS NOT NULL ORDER BY seq DESC LIMIT 1")
                .bind("ws", event.workspaceId())
                .mapTo(String.class)
                .findOne()
                .orElse(AuditChain.GENESIS);
        h.createUpdate("INSERT INTO audit_events (id, workspace_id, occurred_at, actor_id, credential_id, "
                        + "action, target_id, source_address, details, prev_hash, hash) VALUES (:id, :ws, :at, "
                        + ":actor, :credential, :action, :target, :source, :details, :prev, :hash)")
                .bind("id", event.id())
                .bind("ws", event.workspaceId())
                .bind("at", utc(AuditChain.storedTime(event.occurredAt())))
                .bind("actor", event.actorId())
                .bindByType("credential", event.credentialId().orElse(null), String.class)
                .bind("action", event.action())
                .bindByType("target", event.targetId().orElse(null), String.class)
                .bindByType("source", event.sourceAddress().orElse(null), String.class)
                .bind("details", encode(event.details()))
                .bind("prev", previous)
                .bind("hash", AuditChain.link(previous, event))
                .execute();
    }

    @Override
    public List<ChainedAuditEvent> inAppendOrder(String workspaceId, long afterPosition, int limit) {
        return StoreCalls.call(() -> jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + ", prev_hash, hash "
                        + "FROM audit_events WHERE workspace_id = :ws AND seq > :after ORDER BY seq LIMIT :limit")
                .bind("ws", workspaceId)
                .bind("after", afterPosition)
                .bind("limit", limit)
                .map((rs, ctx) -> new ChainedAuditEvent(
                        rs.getLong("seq"), map(rs, ctx), optionalString(rs, "prev_hash"), optionalString(rs, "hash")))
                .list()));
    }

    @Override
    public List<String> workspaces() {
        return StoreCalls.call(() -> jdbi.withHandle(
                h -> h.createQuery("SELECT DISTINCT workspace_id FROM audit_events ORDER BY workspace_id")
                        .mapTo(String.class)
                        .list()));
    }

    @Override
    public AuditPage page(String workspaceId, Optional<String> before, int limit) {
        long cursor = before.map(JdbiAuditLog::parseCursor).orElse(Long.MAX_VALUE);
        record Row(long seq, AuditEvent event) {}
        List<Row> rows = StoreCalls.call(() -> jdbi.withHandle(h -> h.createQuery(
                        "SELECT " + COLUMNS + " FROM audit_events WHERE workspace_id = :ws AND seq < :cursor "
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
