package dev.latchkey.http.system;

import dev.latchkey.domain.usage.UsageGate;
import dev.latchkey.http.auth.Authenticated;
import dev.latchkey.http.auth.CallerContext;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.LinkedHashMap;
import java.util.Map;

/** The caller's workspace's plan and metered usage this period, for its admins. */
@Path("/usage")
@Produces(MediaType.APPLICATION_JSON)
public final class UsageResource {
    private final UsageGate usage;

    public UsageResource(UsageGate usage) {
        this.usage = usage;
    }

    @GET
    @Authenticated(scopes = "usage:read")
    public Map<String, Object> current(@Context SecurityContext security) {
        String workspace = CallerContext.tenant(security);
        UsageGate.Usage current = usage.usageOf(workspace);
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("workspace_id", workspace);
        view.put("plan", current.plan().name());
        view.put("requests_per_minute", current.plan().requestsPerMinute());
        view.put("burst", current.plan().burst());
        view.put(
                "usage_cap",
                current.plan().usageCap() == 0 ? null : current.plan().usageCap());
        view.put("metered_requests", current.metered());
        view.put("remaining", current.plan().usageCap() == 0 ? null : current.remaining());
        view.put("period_start", current.periodStart().toString());
        view.put("period_end", current.periodEnd().toString());
        return view;
    }
}
