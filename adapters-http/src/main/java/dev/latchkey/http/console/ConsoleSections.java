package dev.latchkey.http.console;

import static dev.latchkey.http.console.ConsolePages.cell;

import dev.latchkey.http.console.LatchkeyApiClient.Answer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/** Each console section: the API reads it shows and the forms it offers. */
final class ConsoleSections {
    private final LatchkeyApiClient api;
    private final String token;
    private final ConsolePages page;

    ConsoleSections(LatchkeyApiClient api, String token, ConsolePages page) {
        this.api = api;
        this.token = token;
        this.page = page;
    }

    void render(String section, String filter) {
        switch (section) {
            case "keys" -> keys();
            case "members" -> members();
            case "agents" -> agents();
            case "grants" -> grants();
            case "connections" -> connections();
            case "actors" -> actors();
            case "audit" -> audit(filter);
            case "usage" -> usage();
            default -> throw new IllegalArgumentException(section);
        }
    }

    private static String id(Object value) {
        return URLEncoder.encode(String.valueOf(value), StandardCharsets.UTF_8);
    }

    /** The list under {@code data}, or the API's refusal shown in its place. */
    private List<Map<String, Object>> list(String path, String what) {
        Answer answer = api.call("GET", path, token, null);
        if (!answer.ok()) {
            page.notice("Cannot show " + what + ": " + answer.problem(), true);
            return null;
        }
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> data =
                (List<Map<String, Object>>) answer.body().getOrDefault("data", List.of());
        return data;
    }

    private void rows(
            List<Map<String, Object>> items,
            List<String> headers,
            List<String> fields,
            String caption,
            Function<Map<String, Object>, String> actions) {
        if (items == null) {
            return;
        }
        List<List<String>> rows = new ArrayList<>();
        for (Map<String, Object> item : items) {
            List<String> row = new ArrayList<>();
            fields.forEach(field -> row.add(cell(item.get(field))));
            if (actions != null) {
                row.add(actions.apply(item));
            }
            rows.add(row);
        }
        List<String> allHeaders = new ArrayList<>(headers);
        if (actions != null) {
            allHeaders.add("Actions");
        }
        page.table(allHeaders, rows, caption);
    }

    private void keys() {
        page.form(
                "/console/keys/create",
                "Create key",
                List.of(
                        new String[] {"name", "Name", "text", "ci agent"},
                        new String[] {"scopes", "Scopes (space-separated, empty: yours)", "text", "records:read"}));
        rows(
                list("/api-keys", "API keys"),
                List.of("Name", "Prefix", "Scopes", "Status", "Last used", "Created"),
                List.of("name", "prefix", "scopes", "status", "last_used_at", "created_at"),
                "API keys of this workspace",
                key -> "active".equals(key.get("status"))
                        ? page.button("/console/keys/" + id(key.get("id")) + "/roll", "Roll", "Roll " + key.get("name"))
                                + " "
                                + page.button(
                                        "/console/keys/" + id(key.get("id")) + "/revoke",
                                        "Revoke",
                                        "Revoke " + key.get("name"))
                        : "");
    }

    private void members() {
        page.form("/console/members/invite", "Invite", List.of(new String[] {"email", "Email", "email"}, new String[] {
            "role", "Role", "select:member,viewer,admin,owner"
        }));
        rows(
                list("/members", "members"),
                List.of("Email", "Role", "Status"),
                List.of("email", "role", "status"),
                "Members of this workspace",
                member -> "active".equals(member.get("status"))
                        ? roleForm(member) + " "
                                + page.button(
                                        "/console/members/" + id(member.get("user_id")) + "/remove",
                                        "Remove",
                                        "Remove " + member.get("email"))
                        : "");
    }

    private String roleForm(Map<String, Object> member) {
        StringBuilder options = new StringBuilder();
        for (String role : List.of("viewer", "member", "admin", "owner")) {
            options.append("<option")
                    .append(role.equals(member.get("role")) ? " selected" : "")
                    .append('>')
                    .append(role)
                    .append("</option>");
        }
        String button = page.button(
                "/console/members/" + id(member.get("user_id")) + "/role",
                "Change role",
                "Change the role of " + member.get("email"));
        return button.replace(
                "<button",
                "<select name=\"role\" aria-label=\"Role of "
                        + dev.latchkey.http.html.Html.escape(String.valueOf(member.get("email"))) + "\">" + options
                        + "</select> <button");
    }

    private void agents() {
        page.subheading("Pending approvals of sensitive actions");
        rows(
                list("/internal/auth/approvals", "pending approvals"),
                List.of("Workload", "Wants to", "On", "Body (SHA-256)", "Grant", "Requested", "Expires"),
                List.of("workload_id", "method", "resource", "body_sha256", "grant_id", "requested_at", "expires_at"),
                "What each workload asked to do; approving lets that exact request through once",
                approval -> page.button(
                                "/console/approvals/" + id(approval.get("id")) + "/approve",
                                "Approve",
                                "Approve " + approval.get("method") + " " + approval.get("resource"))
                        + " "
                        + page.button(
                                "/console/approvals/" + id(approval.get("id")) + "/reject",
                                "Reject",
                                "Reject " + approval.get("method") + " " + approval.get("resource")));
        page.subheading("Proposed scope policies");
        rows(
                list("/internal/auth/workload-policies", "proposed policies"),
                List.of("Workload", "Scopes", "Proposed by", "Proposed"),
                List.of("workload_id", "scopes", "proposed_by", "proposed_at"),
                "Policies awaiting a decision",
                policy -> page.button(
                                "/console/policies/" + id(policy.get("id")) + "/approve",
                                "Approve",
                                "Approve the policy of " + policy.get("workload_id"))
                        + " "
                        + page.button(
                                "/console/policies/" + id(policy.get("id")) + "/reject",
                                "Reject",
                                "Reject the policy of " + policy.get("workload_id")));
        page.subheading("Workloads");
        page.form("/console/workloads/register", "Register workload", List.<String[]>of(new String[] {
            "name", "Name", "text", "release agent"
        }));
        page.form(
                "/console/policies/propose",
                "Propose policy",
                List.of(
                        new String[] {"workload_id", "Workload id", "text", "wl_…"},
                        new String[] {"scopes", "Scopes (space-separated)", "text", "records:read"}));
        rows(
                list("/internal/auth/workloads", "workloads"),
                List.of("Id", "Name", "Created", "By"),
                List.of("id", "name", "created_at", "created_by"),
                "Registered workloads",
                null);
    }

    private void grants() {
        page.form(
                "/console/grants/create",
                "Delegate to a workload",
                List.of(
                        new String[] {"workload_id", "Workload id", "text", "wl_…"},
                        new String[] {"scopes", "Scopes (space-separated)", "text", "records:read"}));
        List<Map<String, Object>> grants = list("/internal/auth/delegation-grants", "grants");
        rows(
                grants,
                List.of("Grant", "Workload", "User", "Requested scopes", "Status", "Expires"),
                List.of("id", "workload_id", "user_id", "requested", "status", "expires_at"),
                "Delegation grants",
                grant -> "active".equals(grant.get("status"))
                        ? page.button(
                                "/console/grants/" + id(grant.get("id")) + "/revoke",
                                "Revoke",
                                "Revoke grant " + grant.get("id"))
                        : "");
        if (grants == null) {
            return;
        }
        for (Map<String, Object> grant : grants) {
            if (!"active".equals(grant.get("status"))) {
                continue;
            }
            Answer explained = api.call(
                    "GET", "/internal/auth/delegation-grants/" + id(grant.get("id")) + "/explain", token, null);
            if (explained.ok()) {
                page.subheading("Why grant " + grant.get("id") + " gives what it gives");
                @SuppressWarnings("unchecked")
                List<Map<String, Object>> outcomes =
                        (List<Map<String, Object>>) explained.body().getOrDefault("outcomes", List.of());
                rows(
                        outcomes,
                        List.of("Scope", "Outcome", "Limited by"),
                        List.of("scope", "fate", "limited_by"),
                        "Effective scopes: " + cell(explained.body().get("effective")),
                        null);
            }
        }
    }

    private void connections() {
        rows(
                list("/oauth/connections", "connected apps"),
                List.of("App", "Workspace", "Scopes", "Authorized", "Last token"),
                List.of("client_name", "workspace_id", "scopes", "first_authorized_at", "last_issued_at"),
                "Applications you authorized",
                app -> page.button(
                        "/console/connections/" + id(app.get("client_id")) + "/revoke",
                        "Disconnect",
                        "Disconnect " + app.get("client_name")));
    }

    private void actors() {
        page.form(
                "/console/actors/save",
                "Save mapping",
                List.of(
                        new String[] {"subject", "WorkOS subject (user_…, org_…, api_key_…)", "text"},
                        new String[] {"kind", "Kind", "select:human,service,agent"},
                        new String[] {"role", "Role", "text", "member"},
                        new String[] {"owner_scopes", "Owner scopes (space-separated)", "text"},
                        new String[] {"status", "Status", "select:active,inactive"}));
        rows(
                list("/actor-mappings", "actor mappings"),
                List.of("Provider", "Subject", "Actor", "Kind", "Role", "Owner scopes", "Status"),
                List.of("provider", "subject", "actor_id", "kind", "role", "owner_scopes", "status"),
                "External identities mapped to actors",
                null);
    }

    private void audit(String filter) {
        page.html("<form class=\"inline\" method=\"get\" action=\"/console/audit\"><div><label for=\"action-filter\">"
                + "Action contains</label><input id=\"action-filter\" name=\"action\" type=\"text\" value=\""
                + dev.latchkey.http.html.Html.escape(filter == null ? "" : filter) + "\"></div>"
                + "<button type=\"submit\">Filter</button></form>");
        Answer answer = api.call("GET", "/audit-events?limit=100", token, null);
        if (!answer.ok()) {
            page.notice("Cannot show the audit trail: " + answer.problem(), true);
            return;
        }
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> events =
                (List<Map<String, Object>>) answer.body().getOrDefault("data", List.of());
        String wanted = filter == null ? "" : filter.toLowerCase(Locale.ROOT);
        rows(
                events.stream()
                        .filter(e -> String.valueOf(e.get("action"))
                                .toLowerCase(Locale.ROOT)
                                .contains(wanted))
                        .toList(),
                List.of("When", "Action", "By", "Target", "From", "Details"),
                List.of("occurred_at", "action", "actor_id", "target_id", "source_address", "details"),
                "The newest 100 events",
                null);
    }

    private void usage() {
        Answer answer = api.call("GET", "/usage", token, null);
        if (!answer.ok()) {
            page.notice("Cannot show usage: " + answer.problem(), true);
            return;
        }
        Map<String, Object> usage = answer.body();
        long cap = usage.get("usage_cap") instanceof Number n ? n.longValue() : 0;
        page.text("Plan " + usage.get("plan") + ": " + usage.get("requests_per_minute") + " requests per minute"
                + " (bursts of " + usage.get("burst") + "); period " + usage.get("period_start") + " to "
                + usage.get("period_end") + ".");
        page.bar("Metered requests this period", ((Number) usage.get("metered_requests")).longValue(), cap);
    }
}
