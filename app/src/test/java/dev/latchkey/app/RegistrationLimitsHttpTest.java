package dev.latchkey.app;

import static dev.latchkey.app.Reply.assertProblem;
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

/** Registration spends a budget per client address (each attempt costs argon2 work), then 429 with Retry-After. */
@ExtendWith(DropwizardExtensionsSupport.class)
class RegistrationLimitsHttpTest {
    static final DropwizardAppExtension<LatchkeyConfiguration> APP =
            TestApps.onH2(ConfigOverride.config("passwords.maxSignUpsPerAddress", "3"));

    @Test
    void registrationsFromOneAddressAreBudgeted() {
        for (int i = 0; i < 3; i++) {
            assertThat(register().status()).isEqualTo(201);
        }
        Reply refused = register();
        assertProblem(refused, 429, "rate_limited");
        assertThat(refused.header("Retry-After")).isNotBlank();
    }

    private static Reply register() {
        return Reply.of(request(APP, "/auth/register")
                .post(Entity.json(Map.of(
                        "email",
                        "r-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com",
                        "password",
                        "correct horse battery staple"))));
    }
}
