package dev.latchkey.http.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.domain.mail.EmailAddress;
import dev.latchkey.domain.oauth.AuthorizationRequest;
import dev.latchkey.domain.oauth.ClientAuthMethod;
import dev.latchkey.domain.oauth.ConsentChoices;
import dev.latchkey.domain.oauth.OAuthClient;
import dev.latchkey.domain.scope.ScopeSet;
import dev.latchkey.domain.user.User;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The authorization pages from their templates: what a client names itself cannot become markup. */
class OAuthPagesTest {
    private static final String HOSTILE = "<img src=x onerror=alert(1)>\"";

    private static AuthorizationRequest request(String clientName) {
        OAuthClient client = new OAuthClient(
                "client_1",
                Optional.empty(),
                ClientAuthMethod.NONE,
                Optional.of(clientName),
                List.of("https://app.example/callback"),
                Optional.empty(),
                Instant.EPOCH,
                Optional.empty());
        return new AuthorizationRequest(
                client,
                "https://app.example/callback",
                "challenge",
                ScopeSet.parse(List.of("records:read", "records:write")),
                "https://api.example.com",
                Optional.empty());
    }

    @Test
    void aClientsChosenNameAndTheRequestsParametersAreEscapedOnTheSignInPage() {
        String page = OAuthPages.login(request(HOSTILE), Map.of("state", HOSTILE), HOSTILE);

        assertThat(page).doesNotContain("<img").contains("&lt;img src&#61;x onerror&#61;alert(1)&gt;&quot;");
        assertThat(page)
                .contains("<link rel=\"stylesheet\" href=\"/assets/latchkey.css\">")
                .doesNotContain("<style");
        assertThat(page).contains("role=\"alert\"");
    }

    @Test
    void theConsentPageNamesWhatTheRoleWithholds() {
        User user = new User(
                "usr_1", EmailAddress.parse("ana@example.com"), Optional.empty(), Instant.EPOCH, Optional.empty());
        ConsentChoices choices = new ConsentChoices(
                user,
                List.of(new ConsentChoices.Workspace("ws_1", "Studio & Co", ScopeSet.parse(List.of("records:read")))));

        String page = OAuthPages.consent(
                request(HOSTILE), choices, Map.of(), Map.of("records:read", "Read your records"), "csrf-1");

        assertThat(page).doesNotContain("<img").contains("Authorize &lt;img");
        assertThat(page).contains("<li>Read your records<br><code>records:read</code></li>");
        assertThat(page)
                .contains("<li class=\"withheld\">records:write<br><code>records:write</code> <span class=\"muted\">"
                        + "(not granted: your role in Studio &amp; Co does not allow it)</span></li>");
        assertThat(page).contains("<input type=\"hidden\" name=\"workspace\" value=\"ws_1\">");
        assertThat(page).contains("name=\"csrf_token\" value=\"csrf-1\"");
    }
}
