package dev.latchkey.http.console;

import dev.latchkey.http.html.HtmlPages;
import dev.latchkey.http.html.Templates;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The console's page, assembled from its templates ({@code templates/console/*.mustache}, every
 * value escaped): navigation, who is signed in, tables of what the API returned, and forms that
 * post back to the console. A table cell is a fragment another template rendered.
 */
final class ConsolePages {
    static final String SCRIPT = "/console/assets/console.js";
    static final List<String> SECTIONS =
            List.of("keys", "clients", "members", "agents", "grants", "connections", "actors", "audit", "usage");
    private static final Map<String, String> TITLES = Map.of(
            "keys", "API keys",
            "clients", "Machine clients",
            "members", "Members",
            "agents", "Workloads and approvals",
            "grants", "Delegation grants",
            "connections", "Connected apps",
            "actors", "Actor mappings",
            "audit", "Audit trail",
            "usage", "Usage");
    /** An instant as the API writes it: rendered as a time the script shows relative, in the viewer's zone. */
    private static final Pattern INSTANT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?Z");

    private final StringBuilder html = new StringBuilder();
    private final String csrf;

    ConsolePages(String csrf) {
        this.csrf = csrf;
    }

    static String title(String section) {
        return TITLES.getOrDefault(section, section);
    }

    static String login(String error) {
        Map<String, Object> scope = new HashMap<>();
        scope.put("title", "Sign in to the console");
        scope.put("error", error);
        return Templates.render("console-login", scope);
    }

    private record Section(String name, String title, boolean current) {}

    ConsolePages nav(String current) {
        List<Section> sections = SECTIONS.stream()
                .map(section -> new Section(section, title(section), section.equals(current)))
                .toList();
        return add("nav", Map.of("sections", sections, "csrf", csrf));
    }

    ConsolePages heading(String text) {
        return add("heading", Map.of("text", text));
    }

    ConsolePages subheading(String text) {
        return add("subheading", Map.of("text", text));
    }

    /** Who is signed in, by name first; their ids on hover. */
    ConsolePages signedIn(String who, String actorId, String role, String workspace, String workspaceId) {
        Map<String, Object> scope = new HashMap<>();
        scope.put("who", who);
        scope.put("actorId", actorId);
        scope.put("role", role);
        scope.put("workspace", workspace);
        scope.put("workspaceId", workspaceId);
        return add("signed-in", scope);
    }

    ConsolePages notice(String text, boolean error) {
        return text == null ? this : add("notice", Map.of("text", text, "error", error));
    }

    /** A fragment another template rendered. */
    ConsolePages html(String markup) {
        html.append(markup);
        return this;
    }

    ConsolePages text(String text) {
        return add("text", Map.of("text", text));
    }

    /** A secret shown this once, with a copy button (the console's script). */
    ConsolePages secret(String label, String value) {
        return add("secret", Map.of("label", label, "value", value));
    }

    private record Cell(String html) {}

    private record Row(List<Cell> cells) {}

    /** A table of fragments; each row's last cell may hold action forms built with {@link #button}. */
    ConsolePages table(List<String> headers, List<List<String>> rows, String caption) {
        if (rows.isEmpty()) {
            return text("Nothing here yet.");
        }
        List<Row> body = rows.stream()
                .map(row -> new Row(row.stream().map(Cell::new).toList()))
                .toList();
        return add("table", Map.of("headers", headers, "rows", body, "caption", caption));
    }

    /** A one-button form posting to {@code action}, as a cell's fragment. */
    String button(String action, String label, String accessibleName) {
        Map<String, Object> scope = new HashMap<>();
        scope.put("action", action);
        scope.put("csrf", csrf);
        scope.put("label", label);
        scope.put("accessibleName", accessibleName);
        return Templates.render("console/button", scope);
    }

    private record Option(String value, boolean selected) {}

    private record Select(String name, String label, List<Option> options) {}

    /** A one-button form with a choice beside the button (a member's role), as a cell's fragment. */
    String choice(
            String action,
            String label,
            String accessibleName,
            String name,
            String choiceLabel,
            List<String> values,
            String selected) {
        Map<String, Object> scope = new HashMap<>();
        scope.put("action", action);
        scope.put("csrf", csrf);
        scope.put("label", label);
        scope.put("accessibleName", accessibleName);
        scope.put(
                "select",
                new Select(
                        name,
                        choiceLabel,
                        values.stream()
                                .map(value -> new Option(value, value.equals(selected)))
                                .toList()));
        return Templates.render("console/button", scope);
    }

    private record Note(String name, String label, String placeholder) {}

    /** A one-button form with a line of text beside the button (a decision's reason), as a cell's fragment. */
    String withNote(
            String action, String label, String accessibleName, String name, String noteLabel, String placeholder) {
        Map<String, Object> scope = new HashMap<>();
        scope.put("action", action);
        scope.put("csrf", csrf);
        scope.put("label", label);
        scope.put("accessibleName", accessibleName);
        scope.put("note", new Note(name, noteLabel, placeholder));
        return Templates.render("console/button", scope);
    }

    /** A labelled field: a text-like input, or — with choices — a select. */
    record Field(String name, String label, String type, String placeholder, List<String> choices, String value) {
        static Field input(String name, String label, String type, String placeholder) {
            return new Field(name, label, type, placeholder, List.of(), null);
        }

        static Field select(String name, String label, String... choices) {
            return new Field(name, label, null, null, Arrays.asList(choices), null);
        }
    }

    private record RenderedField(
            String id, String name, String label, String type, String placeholder, Object options, String value) {}

    /** An inline form that posts to the console. */
    ConsolePages form(String action, String submit, List<Field> fields) {
        return form("post", action, submit, fields, true);
    }

    /** An inline form that reads (a filter): no token, not primary. */
    ConsolePages filter(String action, String submit, List<Field> fields) {
        return form("get", action, submit, fields, false);
    }

    private ConsolePages form(String method, String action, String submit, List<Field> fields, boolean posts) {
        List<RenderedField> rendered = new ArrayList<>();
        for (Field field : fields) {
            String id = "f-" + action.replaceAll("[^a-z]", "") + "-" + field.name();
            rendered.add(new RenderedField(
                    id,
                    field.name(),
                    field.label(),
                    field.type(),
                    field.placeholder(),
                    field.choices().isEmpty() ? null : Map.of("choices", field.choices()),
                    field.value()));
        }
        Map<String, Object> scope = new HashMap<>();
        scope.put("method", method);
        scope.put("action", action);
        scope.put("csrf", posts ? csrf : null);
        scope.put("fields", rendered);
        scope.put("submit", submit);
        scope.put("primary", posts);
        return add("form", scope);
    }

    /** A usage gauge: a native meter element, so no inline style is needed (the CSP allows none). */
    ConsolePages bar(String label, long used, long limit) {
        Map<String, Object> scope = new HashMap<>();
        scope.put("id", "meter-" + label.replaceAll("[^A-Za-z]", "").toLowerCase(Locale.ROOT));
        scope.put("label", label);
        scope.put("used", used);
        scope.put("limited", limit > 0);
        scope.put("limit", limit);
        scope.put("high", limit * 8 / 10);
        scope.put("value", Math.min(used, limit));
        return add("bar", scope);
    }

    String render(String title) {
        return HtmlPages.console(title, html.toString(), SCRIPT);
    }

    private ConsolePages add(String template, Map<String, ?> scope) {
        html.append(Templates.render("console/" + template, scope));
        return this;
    }

    /** A value the API returned, as a cell's fragment: an instant as a time, a list space-separated. */
    static String cell(Object value) {
        if (value instanceof Fragment fragment) {
            return fragment.html();
        }
        if (value == null) {
            return "<span class=\"muted\">—</span>";
        }
        if (value instanceof List<?> list) {
            return dev.latchkey.http.html.Html.escape(
                    String.join(" ", list.stream().map(String::valueOf).toList()));
        }
        String text = String.valueOf(value);
        if (INSTANT.matcher(text).matches()) {
            return Templates.render("console/when", Map.of("iso", text));
        }
        return dev.latchkey.http.html.Html.escape(text);
    }

    /** Markup a template rendered, put in a table as it is. */
    record Fragment(String html) {}

    /** A name first, its id on hover, as a cell's fragment. */
    static Fragment named(String name, String id) {
        return new Fragment(Templates.render("console/named", Map.of("name", name, "id", id)));
    }
}
