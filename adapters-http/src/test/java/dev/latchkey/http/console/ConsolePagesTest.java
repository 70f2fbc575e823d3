package dev.latchkey.http.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The console's pieces from their templates: values escaped, times readable, choices kept. */
class ConsolePagesTest {
    private final ConsolePages page = new ConsolePages("csrf-1");

    @Test
    void aValueTheApiReturnedIsEscapedAndAnInstantBecomesATime() {
        String html = page.table(
                        List.of("Name", "Created"),
                        List.of(List.of(ConsolePages.cell("<b>ci</b>"), ConsolePages.cell("2026-12-01T10:00:00Z"))),
                        "Keys")
                .render("API keys");

        assertThat(html).contains("<td>&lt;b&gt;ci&lt;/b&gt;</td>").doesNotContain("<b>ci</b>");
        assertThat(html).contains("<time datetime=\"2026-12-01T10:00:00Z\" title=\"2026-12-01T10:00:00Z\">");
        assertThat(html).contains("<link rel=\"stylesheet\" href=\"/assets/latchkey.css\">");
    }

    @Test
    void theRoleChoiceSelectsTheCurrentRoleAndCarriesTheFormToken() {
        String form = page.choice(
                "/console/members/usr_1/role",
                "Change role",
                "Change the role of ana@example.com",
                "role",
                "Role of ana@example.com",
                List.of("viewer", "member", "admin"),
                "member");

        assertThat(form)
                .contains("<select name=\"role\" aria-label=\"Role of ana@example.com\">")
                .contains("<option selected>member</option>")
                .contains("<option>viewer</option>")
                .contains("name=\"csrf_token\" value=\"csrf-1\"");
    }

    @Test
    void theNavigationMarksTheCurrentSectionAndWhoIsSignedInIsNamedFirst() {
        String html = page.nav("members")
                .signedIn("ana@example.com", "usr_1", "owner", "Studio & Co", "ws_1")
                .render("Members");

        assertThat(html).contains("<a href=\"/console/members\" aria-current=\"page\">Members</a>");
        assertThat(html).contains("<a href=\"/console/keys\">API keys</a>");
        assertThat(html)
                .contains("Signed in as <strong title=\"usr_1\">ana@example.com</strong> (owner) in "
                        + "<strong title=\"ws_1\">Studio &amp; Co</strong>.");
    }
}
