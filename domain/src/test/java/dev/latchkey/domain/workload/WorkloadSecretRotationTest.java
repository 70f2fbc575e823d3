package dev.latchkey.domain.workload;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.domain.testing.FastTestHasher;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A rotated workload secret: the new one at once, the replaced one only until its overlap ends. */
class WorkloadSecretRotationTest {
    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
    private final FastTestHasher hasher = new FastTestHasher();
    private final Workload registered = new Workload("wl_1", "ws_1", "agent", hasher.hash("wk_first"), T0, "usr_admin");

    @Test
    void theReplacedSecretWorksUntilTheOverlapEndsAndNotAfter() {
        Instant overlapEnds = T0.plus(Duration.ofHours(1));
        Workload rotated = registered.withNewSecret(hasher.hash("wk_second"), overlapEnds, T0);

        assertThat(rotated.proves("wk_second", hasher, T0)).isTrue();
        assertThat(rotated.proves("wk_first", hasher, T0)).isTrue();
        assertThat(rotated.proves("wk_first", hasher, overlapEnds.minusSeconds(1)))
                .isTrue();
        assertThat(rotated.proves("wk_first", hasher, overlapEnds)).isFalse();
        assertThat(rotated.proves("wk_second", hasher, overlapEnds.plus(Duration.ofDays(30))))
                .isTrue();
        assertThat(rotated.proves("wk_other", hasher, T0)).isFalse();
    }

    @Test
    void noOverlapEndsTheOldSecretAtOnceAndASecondRotationEndsTheFirstSecret() {
        Workload leaked = registered.withNewSecret(hasher.hash("wk_second"), T0, T0);
        assertThat(leaked.retiringSecret()).isEmpty();
        assertThat(leaked.proves("wk_first", hasher, T0)).isFalse();

        Workload twice = registered
                .withNewSecret(hasher.hash("wk_second"), T0.plusSeconds(3600), T0)
                .withNewSecret(hasher.hash("wk_third"), T0.plusSeconds(3600), T0.plusSeconds(10));
        assertThat(twice.proves("wk_third", hasher, T0.plusSeconds(20))).isTrue();
        assertThat(twice.proves("wk_second", hasher, T0.plusSeconds(20))).isTrue();
        assertThat(twice.proves("wk_first", hasher, T0.plusSeconds(20))).isFalse();
    }

    @Test
    void statusChangesKeepTheSecrets() {
        Workload disabled = registered.withStatus(WorkloadStatus.DISABLED);
        assertThat(disabled.isActive()).isFalse();
        assertThat(disabled.proves("wk_first", hasher, T0)).isTrue();
        assertThat(disabled.withStatus(WorkloadStatus.ACTIVE)).isEqualTo(registered);
    }
}
