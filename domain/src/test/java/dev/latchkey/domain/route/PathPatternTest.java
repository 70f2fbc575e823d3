package dev.latchkey.domain.route;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PathPatternTest {

    @Test
    void literalsMatchExactlyAndOnlyWholePaths() {
        PathPattern pattern = PathPattern.parse("/api/v1/artists");

        assertThat(pattern.match("/api/v1/artists")).contains(Map.of());
        assertThat(pattern.match("/api/v1/artists/")).contains(Map.of());
        assertThat(pattern.match("/api/v1/artists/1")).isEmpty();
        assertThat(pattern.match("/api/v1/artist")).isEmpty();
        assertThat(pattern.match("/api/v1")).isEmpty();
    }

    @Test
    void parametersInBothSyntaxesBindOneNonEmptySegment() {
        assertThat(PathPattern.parse("/designs/[id]").match("/designs/d_1")).contains(Map.of("id", "d_1"));
        assertThat(PathPattern.parse("/studios/{studio}/artists/{artist}").match("/studios/s1/artists/a2"))
                .contains(Map.of("studio", "s1", "artist", "a2"));
        assertThat(PathPattern.parse("/designs/{id}").match("/designs//")).isEmpty();
        assertThat(PathPattern.parse("/designs/{id}").match("/designs/a/b")).isEmpty();
    }

    @Test
    void wildcardsMatchOneSegmentOrTheRest() {
        assertThat(PathPattern.parse("/a/*/c").match("/a/b/c")).isPresent();
        assertThat(PathPattern.parse("/a/**").match("/a")).isPresent();
        assertThat(PathPattern.parse("/a/**").match("/a/b/c/d")).isPresent();
        assertThat(PathPattern.parse("/a/**").match("/ab")).isEmpty();
    }

    @Test
    void malformedPatternsAreRefused() {
        assertThatThrownBy(() -> PathPattern.parse("api")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PathPattern.parse("/a/**/b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PathPattern.parse("/a/x{id}")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RouteRule(
                        "GET", PathPattern.parse("/a/{id}"), new Posture.Owner(java.util.Optional.of("studio"))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
