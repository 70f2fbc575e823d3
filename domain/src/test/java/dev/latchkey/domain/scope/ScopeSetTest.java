package dev.latchkey.domain.scope;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class ScopeSetTest {
    private static final String[] RESOURCES = {"records", "audit", "api_keys", "pipelines"};
    private static final String[] ACTIONS = {"read", "write", "delete", "*"};

    private static ScopeSet set(String... scopes) {
        return ScopeSet.parse(List.of(scopes));
    }

    @Test
    void normalFormDropsCoveredMembers() {
        assertThat(set("records:*", "records:read", "audit:read").asStrings())
                .containsExactly("audit:read", "records:*");
        assertThat(set("*", "records:read")).isEqualTo(ScopeSet.ALL);
    }

    @Test
    void intersectionOfWildcardAndConcreteIsTheConcreteScope() {
        assertThat(set("records:*").intersect(set("records:read"))).isEqualTo(set("records:read"));
        assertThat(set("*").intersect(set("audit:read", "records:*"))).isEqualTo(set("audit:read", "records:*"));
        assertThat(set("records:read").intersect(set("records:write"))).isEqualTo(ScopeSet.EMPTY);
    }

    @Test
    void missingFromNamesExactlyTheUngrantedScopes() {
        ScopeSet held = set("records:*", "audit:read");

        assertThat(held.missingFrom(set("records:write", "audit:write", "api_keys:read")))
                .extracting(Scope::toString)
                .containsExactly("api_keys:read", "audit:write");
        assertThat(held.coversAll(set("records:delete"))).isTrue();
    }

    @Test
    void parseSpaceSeparatedToleratesRepeatedSpaces() {
        assertThat(ScopeSet.parseSpaceSeparated(" records:read  audit:read "))
                .isEqualTo(set("audit:read", "records:read"));
        assertThat(ScopeSet.parseSpaceSeparated("")).isEqualTo(ScopeSet.EMPTY);
        assertThat(set("audit:read", "records:read").toSpaceSeparated()).isEqualTo("audit:read records:read");
    }

    /** Property: intersection is commutative, associative, idempotent and never widens. */
    @RepeatedTest(500)
    void intersectionLawsHoldForGeneratedSets() {
        Random random = new Random();
        long seed = random.nextLong();
        random.setSeed(seed);
        ScopeSet a = randomSet(random);
        ScopeSet b = randomSet(random);
        ScopeSet c = randomSet(random);
        String context = "seed " + seed + ": " + a + " " + b + " " + c;

        assertThat(a.intersect(b)).as(context).isEqualTo(b.intersect(a));
        assertThat(a.intersect(b).intersect(c)).as(context).isEqualTo(a.intersect(b.intersect(c)));
        assertThat(a.intersect(a)).as(context).isEqualTo(a);
        assertThat(a.coversAll(a.intersect(b))).as(context).isTrue();
        assertThat(b.coversAll(a.intersect(b))).as(context).isTrue();
        assertThat(a.intersect(ScopeSet.ALL)).as(context).isEqualTo(a);
    }

    /** Property: a concrete scope is in the intersection exactly when both sets grant it. */
    @RepeatedTest(500)
    void intersectionGrantsExactlyWhatBothGrant() {
        Random random = new Random();
        long seed = random.nextLong();
        random.setSeed(seed);
        ScopeSet a = randomSet(random);
        ScopeSet b = randomSet(random);
        ScopeSet meet = a.intersect(b);

        for (String resource : RESOURCES) {
            for (String action : new String[] {"read", "write", "delete", "other"}) {
                Scope probe = new Scope(resource, action);
                assertThat(meet.covers(probe))
                        .as("seed %d, %s", seed, probe)
                        .isEqualTo(a.covers(probe) && b.covers(probe));
            }
        }
    }

    private static ScopeSet randomSet(Random random) {
        if (random.nextInt(12) == 0) {
            return ScopeSet.ALL;
        }
        int size = random.nextInt(5);
        List<Scope> scopes = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            scopes.add(new Scope(RESOURCES[random.nextInt(RESOURCES.length)], ACTIONS[random.nextInt(ACTIONS.length)]));
        }
        return ScopeSet.of(scopes);
    }
}
