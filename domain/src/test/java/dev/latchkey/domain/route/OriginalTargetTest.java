package dev.latchkey.domain.route;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.latchkey.domain.error.RequestError;
import dev.latchkey.domain.error.RequestRejected;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The original URI decides only when every upstream reads it the same way. */
class OriginalTargetTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "/records/42|/records/42",
                "/records/42?select=*&x=../..|/records/42",
                "/records/42#frag|/records/42",
                "/|/",
                "/records/|/records/",
                "/records/%41%42|/records/AB",
                "/records/caf%C3%A9|/records/café",
                "/a-b_c~d/e.json|/a-b_c~d/e.json",
                "/records/..x/x..|/records/..x/x.."
            })
    void anUnambiguousPathIsDecidedDecoded(String target, String path) {
        assertThat(OriginalTarget.path(target)).isEqualTo(path);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/public/../admin/users",
                "/public/..%2Fadmin%2Fusers",
                "/public/..;/admin/users",
                "/public/%2e%2e/admin/users",
                "/public/%2E%2E/admin/users",
                "/public/./admin",
                "/public/.%2e/admin",
                "//admin/studios",
                "/admin//studios",
                "/mcp/../records/42",
                "/records/p%2F1",
                "/records%5cadmin",
                "\\records\\1",
                "/records/42;jsessionid=x",
                "/records/%252e%252e/admin",
                "/records/%ZZ",
                "/records/%4",
                "/records/%00",
                "/records/a b",
                "/records/%C3",
                "http://evil.example/records/1",
                "records/1",
                "*",
                "",
                "/records/é",
                "/.",
                "/.."
            })
    void aPathAnUpstreamCouldReadDifferentlyIsRefusedSayingWhy(String target) {
        assertThatThrownBy(() -> OriginalTarget.path(target)).isInstanceOfSatisfying(RequestRejected.class, r -> {
            assertThat(r.error()).isEqualTo(RequestError.INVALID_REQUEST);
            assertThat(r.getMessage()).startsWith("The original URI is refused because ");
        });
    }

    @org.junit.jupiter.api.Test
    void aTargetLongerThanTheLimitIsRefused() {
        assertThatThrownBy(() -> OriginalTarget.path("/" + "a".repeat(OriginalTarget.MAX_LENGTH)))
                .isInstanceOf(RequestRejected.class);
        assertThat(OriginalTarget.path("/" + "a".repeat(OriginalTarget.MAX_LENGTH - 1)))
                .hasSize(OriginalTarget.MAX_LENGTH);
    }
}
