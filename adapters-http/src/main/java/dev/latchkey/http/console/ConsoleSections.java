package dev.latchkey.http.console;

import static dev.latchkey.http.console.ConsolePages.cell;

import dev.latchkey.http.console.ConsolePages.Field;
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
    private final ConsoleApi api;
    private final ConsolePages page;

    ConsoleSections(ConsoleApi api, ConsolePages page) {
        this.api = api;
        this.page = page;
    }

    void render(String section, String filter) {
        switch (section) {
            case "keys" -> keys();
            case "clients" -> clients();
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
    private List<Map<String, Object>> list(Answer answer, String what) {
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
                        Field.input("name", "Name", "text", "ci agent"),
                        Field.input("scopes", "Scopes (space-separated, empty: yours)", "text", "records:read")));
        rows(
                list(api.apiKeys(), "API keys"),
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

    /** Machine clients with a secret; one with its own keys (private_key_jwt) is created through the API. */
    private void clients() {
        page.form(
                "/console/clients/create",
                "Create machine client",
                List.of(
                        Field.input("name", "Name", "text", "nightly export"),
                        Field.input("scopes", "Scopes (space-separated, empty: yours)", "text", "records:read")));
        rows(
                list(api.machineClients(), "machine clients"),
                List.of("Name", "Client id", "Scopes", "Authenticates with", "Last used", "Created"),
                List.of(
                        "client_name",
                        "client_id",
                        "scopes",
                        "token_endpoint_auth_method",
                        "last_used_at",
                        "created_at"),
                "Machine clients of this workspace (client_credentials)",
                client -> page.button(
                        "/console/clients/" + id(client.get("client_id")) + "/delete",
                        "Delete",
                        "Delete " + client.get("client_name")));
    }

    private void members() {
        page.form(
                "/console/members/invite",
                "Invite",
                List.of(
                        Field.input("email", "Email", "email", null),
                        Field.select("role", "Role", "member", "viewer", "admin", "owner")));
        rows(
                list(api.members(), "members"),
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
        return page.choice(
                "/console/members/" + id(member.get("user_id")) + "/role",
                "Change role",
                "Change the role of " + member.get("email"),
                "role",
                "Role of " + member.get("email"),
                List.of("viewer", "member", "admin", "owner"),
                String.valueOf(member.get("role")));
    }

    /**
     * Names by id from a list the API returns ({@code id} → {@code name}), for showing names first;
     * empty when the caller may not read it (the ids are shown then).
     */
    private static Map<String, String> names(Answer answer, String idField, String nameField) {
        Map<String, String> names = new java.util.HashMap<>();
        if (answer.ok() && answer.body().get("data") instanceof List<?> items) {
            for (Object item : items) {
                if (item instanceof Map<?, ?> row && row.get(idField) != null && row.get(nameField) != null) {
                    names.put(String.valueOf(row.get(idField)), String.valueOf(row.get(nameField)));
                }
            }
        }
        return names;
    }

    private static String nameOr(Map<String, String> names, Object id) {
        return names.getOrDefault(String.valueOf(id), String.valueOf(id));
    }

    private void agents() {
        // Each list read once for the page: names for the approvals, and the workloads table itself.
        Answer workloadList = api.workloads();
        Map<String, String> workloads = names(workloadList, "id", "name");
        Map<String, String> people = names(api.members(), "user_id", "email");
        Map<String, String> grantUsers = names(api.grants(), "id", "user_id");
        // Live: the console's script fetches this section again every few seconds from the page named
        // (console.js) — named, since after an action the address is the action's, not the page's.
        page.html("<section id=\"approvals\" data-live=\"/console/agents\">");
        page.subheading("Pending approvals of sensitive actions");
        List<Map<String, Object>> approvals = list(api.pendingApprovals(), "pending approvals");
        if (approvals != null) {
            List<List<String>> rows = new ArrayList<>();
            for (Map<String, Object> approval : approvals) {
                String userId = grantUsers.getOrDefault(String.valueOf(approval.get("grant_id")), "");
                Map<String, Object> words = new java.util.HashMap<>();
                words.put("workload", nameOr(workloads, approval.get("workload_id")));
                words.put("workloadId", approval.get("workload_id"));
                words.put("person", userId.isEmpty() ? "someone" : nameOr(people, userId));
                words.put("userId", userId);
                words.put("grantId", approval.get("grant_id"));
                words.put("method", approval.get("method"));
                words.put("resource", approval.get("resource"));
                words.put("bodySha256", approval.get("body_sha256"));
                String what = approval.get("method") + " " + approval.get("resource");
                rows.add(List.of(
                        dev.latchkey.http.html.Templates.render("console/approval", words),
                        cell(approval.get("requested_at")),
                        cell(approval.get("expires_at")),
                        page.button(
                                        "/console/approvals/" + id(approval.get("id")) + "/approve",
                                        "Approve",
                                        "Approve " + what)
                                + " "
                                + page.withNote(
                                        "/console/approvals/" + id(approval.get("id")) + "/reject",
                                        "Reject",
                                        "Reject " + what,
                                        "reason",
                                        "Reason for rejecting " + what,
                                        "why (the workload is told)")));
            }
            page.table(
                    List.of("Request", "Asked", "Expires", "Actions"),
                    rows,
                    "What each workload asked to do; approving lets that exact request through once");
        }
        page.html("</section>");
        page.subheading("Proposed scope policies");
        rows(
                list(api.proposedPolicies(), "proposed policies"),
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
        page.form(
                "/console/workloads/register",
                "Register workload",
                List.of(Field.input("name", "Name", "text", "release agent")));
        page.form(
                "/console/policies/propose",
                "Propose policy",
                List.of(
                        Field.input("workload_id", "Workload id", "text", "wl_…"),
                        Field.input("scopes", "Scopes (space-separated)", "text", "records:read")));
        List<Map<String, Object>> registered = list(workloadList, "workloads");
        rows(
                registered == null
                        ? null
                        : registered.stream()
                                .map(workload -> {
                                    Map<String, Object> named = new java.util.HashMap<>(workload);
                                    named.put(
                                            "by",
                                            ConsolePages.named(
                                                    nameOr(people, workload.get("created_by")),
                                                    String.valueOf(workload.get("created_by"))));
                                    return named;
                                })
                                .toList(),
                List.of("Name", "Id", "Created", "By"),
                List.of("name", "id", "created_at", "by"),
                "Registered workloads",
                null);
    }

    private void grants() {
        page.form(
                "/console/grants/create",
                "Delegate to a workload",
                List.of(
                        Field.input("workload_id", "Workload id", "text", "wl_…"),
                        Field.input("scopes", "Scopes (space-separated)", "text", "records:read")));
        List<Map<String, Object>> grants = list(api.grants(), "grants");
        Map<String, String> workloads = names(api.workloads(), "id", "name");
        Map<String, String> people = names(api.members(), "user_id", "email");
        List<Map<String, Object>> shown = grants == null
                ? null
                : grants.stream()
                        .map(grant -> withNames(grant, workloads, people))
                        .toList();
        rows(
                shown,
                List.of("Workload", "For", "Requested scopes", "Status", "Expires", "Grant"),
                List.of("workload", "person", "requested", "status", "expires_at", "id"),
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
            Answer explained = api.explainGrant(String.valueOf(grant.get("id")));
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

    /** A grant with its workload's name and its person's address beside the ids. */
    private static Map<String, Object> withNames(
            Map<String, Object> grant, Map<String, String> workloads, Map<String, String> people) {
        Map<String, Object> named = new java.util.HashMap<>(grant);
        named.put(
                "workload",
                ConsolePages.named(
                        nameOr(workloads, grant.get("workload_id")), String.valueOf(grant.get("workload_id"))));
        named.put(
                "person",
                ConsolePages.named(nameOr(people, grant.get("user_id")), String.valueOf(grant.get("user_id"))));
        return named;
    }

    private void connections() {
        rows(
                list(api.connections(), "connected apps"),
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
                        Field.input("subject", "WorkOS subject (user_…, org_…, api_key_…)", "text", null),
                        Field.select("kind", "Kind", "human", "service", "agent"),
                        Field.input("role", "Role", "text", "member"),
                        Field.input("owner_scopes", "Owner scopes (space-separated)", "text", null),
                        Field.select("status", "Status", "active", "inactive")));
        rows(
                list(api.actorMappings(), "actor mappings"),
                List.of("Provider", "Subject", "Actor", "Kind", "Role", "Owner scopes", "Status"),
                List.of("provider", "subject", "actor_id", "kind", "role", "owner_scopes", "status"),
                "External identities mapped to actors",
                null);
    }

    private void audit(String filter) {
        page.filter(
                "/console/audit",
                "Filter",
                List.of(new Field("action", "Action contains", "text", null, List.of(), filter == null ? "" : filter)));
        Answer answer = api.auditEvents(100);
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
        Answer answer = api.usage();
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
