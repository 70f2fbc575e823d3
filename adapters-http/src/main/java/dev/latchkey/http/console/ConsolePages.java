package dev.latchkey.http.console;

import dev.latchkey.http.html.Html;
import dev.latchkey.http.html.HtmlPages;
import java.util.List;
import java.util.Map;

/** The console's HTML: navigation, tables of what the API returned, and forms that post back to the console. */
final class ConsolePages {
    static final String SCRIPT = "/console/assets/console.js";
    static final List<String> SECTIONS =
            List.of("keys", "members", "agents", "grants", "connections", "actors", "audit", "usage");
    private static final Map<String, String> TITLES = Map.of(
            "keys",
            "API keys",
            "members",
            "Members",
            "agents",
            "Workloads and approvals",
            "grants",
            "Delegation grants",
            "connections",
            "Connected apps",
            "actors",
            "Actor mappings",
            "audit",
            "Audit trail",
            "usage",
            "Usage");

    private final StringBuilder html = new StringBuilder();
    private final String csrf;

    ConsolePages(String csrf) {
        this.csrf = csrf;
    }

    static String title(String section) {
        return TITLES.getOrDefault(section, section);
    }

    static String login(String error) {
        StringBuilder body = new StringBuilder("<h1>Sign in</h1><p class=\"muted\">Manage your workspace.</p>");
        if (error != null) {
            body.append("<p class=\"error\" role=\"alert\">")
                    .append(Html.escape(error))
                    .append("</p>");
        }
        body.append("<form method=\"post\" action=\"/console/login\">")
                .append("<label for=\"email\">Email</label>")
                .append(
                        "<input id=\"email\" name=\"email\" type=\"email\" autocomplete=\"username\" required autofocus>")
                .append("<label for=\"password\">Password</label>")
                .append(
                        "<input id=\"password\" name=\"password\" type=\"password\" autocomplete=\"current-password\" required>")
                .append(
                        "<div class=\"actions\"><button class=\"primary\" type=\"submit\">Sign in</button></div></form>");
        return HtmlPages.document("Sign in to the console", body.toString());
    }

    ConsolePages nav(String current) {
        html.append("<nav aria-label=\"Console\">");
        for (String section : SECTIONS) {
            html.append("<a href=\"/console/")
                    .append(section)
                    .append('"')
                    .append(section.equals(current) ? " aria-current=\"page\"" : "")
                    .append('>')
                    .append(Html.escape(title(section)))
                    .append("</a>");
        }
        html.append("<form method=\"post\" action=\"/console/logout\">")
                .append(csrfField())
                .append("<button type=\"submit\">Sign out</button></form></nav>");
        return this;
    }

    ConsolePages heading(String text) {
        html.append("<h1>").append(Html.escape(text)).append("</h1>");
        return this;
    }

    ConsolePages subheading(String text) {
        html.append("<h2>").append(Html.escape(text)).append("</h2>");
        return this;
    }

    ConsolePages notice(String text, boolean error) {
        if (text != null) {
            html.append("<p class=\"")
                    .append(error ? "error" : "notice")
                    .append("\" role=\"")
                    .append(error ? "alert" : "status")
                    .append("\">")
                    .append(Html.escape(text))
                    .append("</p>");
        }
        return this;
    }

    /** Raw markup the caller has escaped. */
    ConsolePages html(String markup) {
        html.append(markup);
        return this;
    }

    ConsolePages text(String text) {
        html.append("<p class=\"muted\">").append(Html.escape(text)).append("</p>");
        return this;
    }

    /** A secret shown this once, with a copy button (the console's script). */
    ConsolePages secret(String label, String value) {
        html.append("<div class=\"notice\" role=\"status\"><strong>")
                .append(Html.escape(label))
                .append("</strong> — shown this once; store it now.<code class=\"secret\" id=\"secret\">")
                .append(Html.escape(value))
                .append("</code><button type=\"button\" data-copy=\"secret\">Copy</button></div>");
        return this;
    }

    /** A table; each row's last cell may hold action forms built with {@link #button}. */
    ConsolePages table(List<String> headers, List<List<String>> rows, String caption) {
        if (rows.isEmpty()) {
            return text("Nothing here yet.");
        }
        html.append("<table><caption class=\"muted\">")
                .append(Html.escape(caption))
                .append("</caption><thead><tr>");
        headers.forEach(
                h -> html.append("<th scope=\"col\">").append(Html.escape(h)).append("</th>"));
        html.append("</tr></thead><tbody>");
        for (List<String> row : rows) {
            html.append("<tr>");
            row.forEach(cell -> html.append("<td>").append(cell).append("</td>"));
            html.append("</tr>");
        }
        html.append("</tbody></table>");
        return this;
    }

    /** A one-button form posting to {@code action}, as raw cell HTML. */
    String button(String action, String label, String accessibleName) {
        return "<form method=\"post\" action=\"" + Html.escape(action) + "\">" + csrfField()
                + "<button type=\"submit\" aria-label=\"" + Html.escape(accessibleName) + "\">" + Html.escape(label)
                + "</button></form>";
    }

    /** An inline form with labelled fields: each field is {name, label, type or select options}. */
    ConsolePages form(String action, String submit, List<String[]> fields) {
        html.append("<form class=\"inline\" method=\"post\" action=\"")
                .append(Html.escape(action))
                .append("\">")
                .append(csrfField());
        for (String[] field : fields) {
            String id = "f-" + action.replaceAll("[^a-z]", "") + "-" + field[0];
            html.append("<div><label for=\"")
                    .append(id)
                    .append("\">")
                    .append(Html.escape(field[1]))
                    .append("</label>");
            if (field[2].startsWith("select:")) {
                html.append("<select id=\"")
                        .append(id)
                        .append("\" name=\"")
                        .append(Html.escape(field[0]))
                        .append("\">");
                for (String option : field[2].substring(7).split(",")) {
                    html.append("<option>").append(Html.escape(option)).append("</option>");
                }
                html.append("</select>");
            } else {
                html.append("<input id=\"")
                        .append(id)
                        .append("\" name=\"")
                        .append(Html.escape(field[0]))
                        .append("\" type=\"")
                        .append(field[2])
                        .append("\"")
                        .append(field.length > 3 ? " placeholder=\"" + Html.escape(field[3]) + "\"" : "")
                        .append('>');
            }
            html.append("</div>");
        }
        html.append("<button class=\"primary\" type=\"submit\">")
                .append(Html.escape(submit))
                .append("</button></form>");
        return this;
    }

    /** A usage gauge: a native meter element, so no inline style is needed (the CSP allows none). */
    ConsolePages bar(String label, long used, long limit) {
        String id = "meter-" + label.replaceAll("[^A-Za-z]", "").toLowerCase(java.util.Locale.ROOT);
        html.append("<p><label for=\"")
                .append(id)
                .append("\">")
                .append(Html.escape(label))
                .append("</label>: <strong>")
                .append(used)
                .append("</strong>")
                .append(limit > 0 ? " of " + limit : " (no cap)")
                .append("</p>");
        if (limit > 0) {
            html.append("<meter id=\"")
                    .append(id)
                    .append("\" min=\"0\" max=\"")
                    .append(limit)
                    .append("\" high=\"")
                    .append(limit * 8 / 10)
                    .append("\" value=\"")
                    .append(Math.min(used, limit))
                    .append("\">")
                    .append(used)
                    .append(" of ")
                    .append(limit)
                    .append("</meter>");
        }
        return this;
    }

    String render(String title) {
        return HtmlPages.console(title, html.toString(), SCRIPT);
    }

    private String csrfField() {
        return "<input type=\"hidden\" name=\"csrf_token\" value=\"" + Html.escape(csrf) + "\">";
    }

    static String cell(Object value) {
        if (value == null) {
            return "<span class=\"muted\">—</span>";
        }
        if (value instanceof List<?> list) {
            return Html.escape(
                    String.join(" ", list.stream().map(String::valueOf).toList()));
        }
        return Html.escape(String.valueOf(value));
    }
}
