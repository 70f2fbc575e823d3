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

/** Seed 004's limits: a per-workspace rate limit for everyone, a usage cap that meters agents only. */
@ExtendWith(DropwizardExtensionsSupport.class)
class UsageLimitsHttpTest {
    static final DropwizardAppExtension<LatchkeyConfiguration> APP = TestApps.onH2(
            ConfigOverride.config("plans.default.requestsPerMinute", "6"),
            ConfigOverride.config("plans.default.burst", "4"),
            ConfigOverride.config("plans.default.usageCap", "2"));

    @Test
    void agentsHitTheCapPeopleStillGetInAndEveryoneHitsTheRateLimit() {
        String email = "u-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        String signup = Reply.of(request(APP, "/auth/register")
                        .post(Entity.json(Map.of("email", email, "password", "correct horse battery staple"))))
                .string("access_token");
        Reply bootstrap = Reply.of(request(APP, "/workspaces/bootstrap")
                .header("Authorization", "Bearer " + signup)
                .post(Entity.json(Map.of())));
        String person = bootstrap.string("access_token");
        String key = bootstrap.string("api_key");

        Reply first = Reply.of(request(APP, "/whoami").header("X-API-Key", key).get());
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.header("RateLimit-Limit")).isEqualTo("4");
        assertThat(first.header("RateLimit-Remaining")).isEqualTo("3");
        assertThat(first.header("RateLimit-Reset")).isNotNull();
        assertThat(Reply.of(request(APP, "/whoami").header("X-API-Key", key).get())
                        .status())
                .isEqualTo(200);

        Reply capped = Reply.of(request(APP, "/whoami").header("X-API-Key", key).get());
        assertProblem(capped, 429, "usage_cap_exceeded");
        assertThat(capped.header("Retry-After")).isNotNull();

        Reply personAllowed = Reply.of(request(APP, "/whoami")
                .header("Authorization", "Bearer " + person)
                .get());
        assertThat(personAllowed.status()).as("people are not metered").isEqualTo(200);
        assertThat(personAllowed.header("RateLimit-Remaining")).isEqualTo("0");

        Reply limited = Reply.of(request(APP, "/whoami")
                .header("Authorization", "Bearer " + person)
                .get());
        assertProblem(limited, 429, "rate_limited");
        assertThat(Long.parseLong(limited.header("Retry-After"))).isBetween(1L, 10L);
    }

    @Test
    void theWorkspacesAdminsCanReadItsUsageThisPeriod() {
        String email = "r-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        String signup = Reply.of(request(APP, "/auth/register")
                        .post(Entity.json(Map.of("email", email, "password", "correct horse battery staple"))))
                .string("access_token");
        Reply bootstrap = Reply.of(request(APP, "/workspaces/bootstrap")
                .header("Authorization", "Bearer " + signup)
                .post(Entity.json(Map.of())));
        Reply.of(request(APP, "/whoami")
                .header("X-API-Key", bootstrap.string("api_key"))
                .get());

        Reply usage = Reply.of(request(APP, "/usage")
                .header("Authorization", "Bearer " + bootstrap.string("access_token"))
                .get());
        assertThat(usage.status()).isEqualTo(200);
        assertThat(usage.body())
                .containsEntry("plan", "default")
                .containsEntry("usage_cap", 2)
                .containsEntry("metered_requests", 1)
                .containsEntry("remaining", 1)
                .containsEntry("workspace_id", bootstrap.string("workspace_id"))
                .containsKeys("period_start", "period_end");
    }
}
