package dev.latchkey.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.app.config.LatchkeyConfiguration;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * More than a thousand hostile requests (HostileCorpus) against a running Latchkey: none is
 * accepted, none is answered with a server error, none shows a stack trace, and no OAuth error
 * redirects anywhere but a client's registered redirect URI.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class HostileInputHttpTest {
    private static final int PORT = TestApps.freePort();
    private static final String REDIRECT = "http://127.0.0.1:43117/callback";
    static final DropwizardAppExtension<LatchkeyConfiguration> APP = TestApps.onH2(
            io.dropwizard.testing.ConfigOverride.config("server.applicationConnectors[0].port", Integer.toString(PORT)),
            io.dropwizard.testing.ConfigOverride.config("oauth.issuer", "http://127.0.0.1:" + PORT),
            // Thousands of refused logins from one address must not turn later cases into 429s only.
            io.dropwizard.testing.ConfigOverride.config("userTokens.maxFailedLoginsPerAddress", "100000"),
            io.dropwizard.testing.ConfigOverride.config("userTokens.maxFailedLoginsPerAccount", "100000"));

    @Test
    void noHostileRequestIsAcceptedCrashesTheServerOrLeaksItsInsides() {
        String key =
                TestApps.createWorkspace(APP, "hostile").firstKey().secret().value();
        OAuthTestClient client = new OAuthTestClient("http://127.0.0.1:" + PORT);
        String userToken = client.person().token();
        String clientId = (String) client.register("none", REDIRECT).get("client_id");

        List<HostileCorpus.Case> corpus = HostileCorpus.generate(key, userToken, clientId, REDIRECT);
        assertThat(corpus).hasSizeGreaterThanOrEqualTo(1000);

        List<String> violations = new ArrayList<>();
        for (HostileCorpus.Case c : corpus) {
            RawHttp.Answer answer = RawHttp.send(PORT, c.method(), c.target(), c.headers(), c.body());
            String whole = answer.head() + answer.body();
            if (answer.hasHeader("X-Injected")) {
                violations.add(c + ": a header was injected");
            }
            if (answer.status() >= 500) {
                violations.add(c + ": server error " + answer.status());
            }
            if (whole.contains("Exception")
                    || whole.contains("\tat ")
                    || whole.contains("dev.latchkey.")
                    || whole.contains("java.lang")) {
                violations.add(c + ": leaks internals");
            }
            switch (c.expect()) {
                case REFUSED -> {
                    if (answer.status() != 0 && answer.status() < 400) {
                        violations.add(c + ": accepted with " + answer.status());
                    }
                }
                case NO_FOREIGN_REDIRECT -> {
                    String location = locationOf(answer.head());
                    if (location != null && !location.startsWith(REDIRECT + "?")) {
                        violations.add(c + ": redirected to " + location);
                    }
                    if (location != null && !location.contains("error=")) {
                        violations.add(c + ": a redirect without an error");
                    }
                }
                case NO_SERVER_ERROR -> {
                    // checked above
                }
            }
        }
        // The figures docs/reliability.md records: sent, and every violation class (all 0).
        System.out.println("hostile corpus: " + corpus.size() + " sent, " + violations.size() + " violations");
        assertThat(violations)
                .as(violations.size() + " of " + corpus.size() + " cases")
                .isEmpty();
    }

    private static String locationOf(String head) {
        for (String line : head.split("\r\n")) {
            if (line.regionMatches(true, 0, "Location:", 0, 9)) {
                return line.substring(9).strip();
            }
        }
        return null;
    }
}
