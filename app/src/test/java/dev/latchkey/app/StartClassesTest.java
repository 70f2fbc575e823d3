package dev.latchkey.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class StartClassesTest {
    static final AtomicBoolean INITIALISED = new AtomicBoolean();

    /** Its static initialiser says when it ran. */
    static final class Marked {
        static {
            INITIALISED.set(true);
        }
    }

    @Test
    void theShippedListStillNamesTheClassesOfThisBuild() {
        List<String> names = StartClasses.names();
        assertThat(names).hasSizeGreaterThan(1_000);
        int found = StartClasses.preload(names, getClass().getClassLoader());
        // Below this, regenerate it: bash benchmarks/startup/class-list
        assertThat((double) found / names.size())
                .as("share of start-classes.txt that still exists")
                .isGreaterThan(0.9);
    }

    @Test
    void aListedClassIsLoadedButNotInitialised() {
        int found =
                StartClasses.preload(List.of(Marked.class.getName()), getClass().getClassLoader());
        assertThat(found).isEqualTo(1);
        assertThat(INITIALISED).isFalse();
    }

    @Test
    void aNameThatNoLongerExistsIsPassedOver() {
        int found = StartClasses.preload(
                List.of("dev.latchkey.NoSuchClass", String.class.getName()),
                getClass().getClassLoader());
        assertThat(found).isEqualTo(1);
    }
}
