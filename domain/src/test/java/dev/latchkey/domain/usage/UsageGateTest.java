package dev.latchkey.domain.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.latchkey.domain.actor.Actor;
import dev.latchkey.domain.actor.ActorKind;
import dev.latchkey.domain.actor.ActorStatus;
import dev.latchkey.domain.auth.CredentialKind;
import dev.latchkey.domain.auth.Principal;
import dev.latchkey.domain.error.AuthError;
import dev.latchkey.domain.error.AuthFailure;
import dev.latchkey.domain.scope.ScopeSet;
import dev.latchkey.domain.testing.MutableClock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class UsageGateTest {
    private final MutableClock clock = MutableClock.startingAt("2026-09-01T00:00:00Z");

    private static Principal principal(String tenant, CredentialKind kind) {
        Actor actor = new Actor("act_1", ActorKind.SERVICE, ActorStatus.ACTIVE, Optional.of(tenant), "r", Set.of());
        return new Principal(actor, Optional.of(tenant), kind, ScopeSet.ALL, "cred_1", Optional.empty());
    }

    private UsageGate gate(Plan plan) {
        return new UsageGate(new InMemoryUsageCounters(), tenant -> plan, clock);
    }

    @Test
    void theBurstIsSpentThenRequestsWaitForTheRefillAndSayHowLong() {
        UsageGate gate = gate(new Plan("tiny", 60, 3, 0, Duration.ofDays(30)));
        Principal key = principal("ws_1", CredentialKind.API_KEY);

        assertThat(gate.admit(key).remaining()).isEqualTo(2);
        gate.admit(key);
        assertThat(gate.admit(key).remaining()).isZero();
        assertThatThrownBy(() -> gate.admit(key)).isInstanceOfSatisfying(AuthFailure.class, f -> {
            assertThat(f.error()).isEqualTo(AuthError.RATE_LIMITED);
            assertThat(f.retryAfter())
                    .get()
                    .satisfies(d -> assertThat(d).isBetween(Duration.ZERO, Duration.ofSeconds(1)));
        });

        clock.advance(Duration.ofSeconds(1));
        assertThat(gate.admit(key).limit()).isEqualTo(3);
        assertThat(gate.admit(principal("ws_2", CredentialKind.API_KEY)).remaining())
                .as("per workspace")
                .isEqualTo(2);
    }

    @Test
    void theUsageCapMetersAgentsButNotPeopleAndResetsWithThePeriod() {
        UsageGate gate = gate(new Plan("capped", 6000, 1000, 2, Duration.ofDays(30)));
        Principal agent = principal("ws_1", CredentialKind.WORKLOAD_TOKEN);
        Principal person = principal("ws_1", CredentialKind.USER_JWT);

        gate.admit(agent);
        gate.admit(principal("ws_1", CredentialKind.API_KEY));
        assertThatThrownBy(() -> gate.admit(agent)).isInstanceOfSatisfying(AuthFailure.class, f -> {
            assertThat(f.error()).isEqualTo(AuthError.USAGE_CAP_EXCEEDED);
            assertThat(f.retryAfter()).isPresent();
        });
        for (int i = 0; i < 10; i++) {
            gate.admit(person);
        }

        clock.advance(Duration.ofDays(30));
        gate.admit(agent);
    }
}
