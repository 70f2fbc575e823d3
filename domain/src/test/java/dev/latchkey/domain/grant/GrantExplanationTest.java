package dev.latchkey.domain.grant;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.domain.grant.GrantExplanation.Fate;
import dev.latchkey.domain.grant.GrantExplanation.Term;
import dev.latchkey.domain.scope.Scope;
import dev.latchkey.domain.scope.ScopeSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class GrantExplanationTest {

    private static ScopeSet set(String... scopes) {
        return ScopeSet.parse(List.of(scopes));
    }

    @Test
    void eachRequestedScopeIsGrantedNarrowedOrRemovedByTheTermsThatLimitIt() {
        GrantExplanation explanation = GrantExplanation.of(
                set("pipelines:*", "agents:read", "records:read"), // the user
                set("pipelines:read", "pipelines:execute", "agents:*"), // the approved policy
                set("pipelines:*", "agents:read", "records:read", "tools:write"));

        assertThat(explanation.effective()).isEqualTo(set("pipelines:read", "pipelines:execute", "agents:read"));
        assertThat(explanation.outcomes())
                .extracting(
                        o -> o.requested().toString(),
                        GrantExplanation.Outcome::fate,
                        GrantExplanation.Outcome::limitedBy)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("agents:read", Fate.GRANTED, List.of()),
                        org.assertj.core.groups.Tuple.tuple("pipelines:*", Fate.NARROWED, List.of(Term.POLICY)),
                        org.assertj.core.groups.Tuple.tuple("records:read", Fate.REMOVED, List.of(Term.POLICY)),
                        org.assertj.core.groups.Tuple.tuple(
                                "tools:write", Fate.REMOVED, List.of(Term.USER, Term.POLICY)));
    }

    /** Property: the effective set never exceeds any of the three terms, and order does not matter. */
    @RepeatedTest(300)
    void theThreeWayIntersectionIsLeastPrivilege() {
        Random random = new Random();
        long seed = random.nextLong();
        random.setSeed(seed);
        ScopeSet user = randomSet(random);
        ScopeSet policy = randomSet(random);
        ScopeSet requested = randomSet(random);

        ScopeSet effective = GrantExplanation.of(user, policy, requested).effective();

        assertThat(user.coversAll(effective)).as("seed %d", seed).isTrue();
        assertThat(policy.coversAll(effective)).as("seed %d", seed).isTrue();
        assertThat(requested.coversAll(effective)).as("seed %d", seed).isTrue();
        assertThat(GrantExplanation.of(requested, user, policy).effective())
                .as("seed %d", seed)
                .isEqualTo(effective);
    }

    private static ScopeSet randomSet(Random random) {
        String[] resources = {"pipelines", "agents", "tools", "artifacts"};
        String[] actions = {"read", "write", "execute", "*"};
        if (random.nextInt(10) == 0) {
            return ScopeSet.ALL;
        }
        List<Scope> scopes = new ArrayList<>();
        for (int i = random.nextInt(5); i > 0; i--) {
            scopes.add(new Scope(resources[random.nextInt(resources.length)], actions[random.nextInt(actions.length)]));
        }
        return ScopeSet.of(scopes);
    }
}
