package dev.latchkey.app;

import static dev.latchkey.app.TestApps.request;
import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.app.config.LatchkeyConfiguration;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.client.Entity;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Behind the documented load balancer (here: the test client on loopback, trusted), every limit is
 * keyed on the client the balancer names: one client's failures lock out that client, not everyone.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class TrustedProxiesHttpTest {
    static final DropwizardAppExtension<LatchkeyConfiguration> APP = TestApps.onH2(
            // A comma-separated override becomes a list: the test client comes from loopback, v4 or v6.
            ConfigOverride.config("clientAddresses.trustedProxies", "127.0.0.0/8,::1"),
            ConfigOverride.config("userTokens.maxFailedLoginsPerAddress", "3"),
            ConfigOverride.config("userTokens.maxFailedLoginsPerAccount", "2"));

    private static Reply login(String client, String email, String password) {
        return Reply.of(request(APP, "/auth/login")
                .header("X-Forwarded-For", client)
                .post(Entity.json(Map.of("email", email, "password", password))));
    }

    @Test
    void wrongPasswordsForAnAccountFromOneSourceDoNotLockItsOwnerOutElsewhere() {
        String email = "o-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        TestApps.registerVerified(APP, email, "correct horse battery staple");
        for (int i = 0; i < 2; i++) {
            assertThat(login("198.51.100.99", email, "guess " + i).status()).isEqualTo(401);
        }
        assertThat(login("198.51.100.99", email, "another guess").status())
                .as("the guesser")
                .isEqualTo(429);

        assertThat(login("203.0.113.77", email, "correct horse battery staple").status())
                .as("the owner")
                .isEqualTo(200);
    }

    @Test
    void oneClientsFailuresLockOutThatClientOnly() {
        String email = "t-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        TestApps.registerVerified(APP, email, "correct horse battery staple");
        for (int i = 0; i < 3; i++) {
            assertThat(login("198.51.100.7", "nobody-" + i + "@example.com", "wrong password")
                            .status())
                    .isEqualTo(401);
        }
        assertThat(login("198.51.100.7", email, "correct horse battery staple").status())
                .as("the guessing client is throttled")
                .isEqualTo(429);

        assertThat(login("203.0.113.20", email, "correct horse battery staple").status())
                .as("another client behind the same balancer is not")
                .isEqualTo(200);
    }
}
