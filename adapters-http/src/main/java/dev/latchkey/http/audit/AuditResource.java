package dev.latchkey.http.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.latchkey.domain.audit.AuditEvent;
import dev.latchkey.domain.audit.AuditPage;
import dev.latchkey.domain.audit.ReadAuditTrail;
import dev.latchkey.http.auth.Authenticated;
import dev.latchkey.http.auth.CallerContext;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** The workspace's audit trail, newest first, paged by an opaque cursor. */
@Path("/audit-events")
@Produces(MediaType.APPLICATION_JSON)
public final class AuditResource {
    private final ReadAuditTrail read;

    public AuditResource(ReadAuditTrail read) {
        this.read = read;
    }

    /** One page; {@code next_cursor} is absent on the last. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PageView(List<EventView> data, String nextCursor) {}

    /** One event; absent facts are null. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record EventView(
            String id,
            String occurredAt,
            String actorId,
            String credentialId,
            String action,
            String targetId,
            String sourceAddress,
            Map<String, String> details) {

        static EventView of(AuditEvent e) {
            return new EventView(
                    e.id(),
                    e.occurredAt().toString(),
                    e.actorId(),
                    e.credentialId().orElse(null),
                    e.action(),
                    e.targetId().orElse(null),
                    e.sourceAddress().orElse(null),
                    e.details());
        }
    }

    @GET
    @Authenticated(scopes = "audit:read")
    public PageView page(
            @QueryParam("before") String before,
            @QueryParam("limit") @DefaultValue("50") int limit,
            @Context SecurityContext security) {
        String workspaceId = CallerContext.tenant(security);
        AuditPage page = read.execute(workspaceId, Optional.ofNullable(before), limit);
        return new PageView(
                page.events().stream().map(EventView::of).collect(Collectors.toList()),
                page.nextCursor().orElse(null));
    }
}
