package dev.latchkey.domain.scope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ScopeTest {

    @Test
    void parseReadsTheThreeForms() {
        assertThat(Scope.parse("*")).isEqualTo(Scope.ALL);
        assertThat(Scope.parse("records:*")).isEqualTo(new Scope("records", "*"));
        assertThat(Scope.parse("records:read")).isEqualTo(new Scope("records", "read"));
        assertThat(Scope.parse("api_keys:write").toString()).isEqualTo("api_keys:write");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "records",
                ":read",
                "records:",
                "a:b:c",
                "Records:read",
                "*:read",
                "records:r ead",
                "rec ords:read",
                "records:READ",
                "1records:read"
            })
    void parseWhenMalformedThenRejected(String text) {
        assertThatThrownBy(() -> Scope.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void coversFollowsTheScopeTree() {
        Scope all = Scope.ALL;
        Scope recordsAll = Scope.parse("records:*");
        Scope recordsRead = Scope.parse("records:read");
        Scope recordsWrite = Scope.parse("records:write");
        Scope auditRead = Scope.parse("audit:read");

        assertThat(all.covers(recordsAll)).isTrue();
        assertThat(all.covers(recordsRead)).isTrue();
        assertThat(recordsAll.covers(recordsRead)).isTrue();
        assertThat(recordsAll.covers(auditRead)).isFalse();
        assertThat(recordsRead.covers(recordsWrite)).isFalse();
        assertThat(recordsRead.covers(recordsAll)).isFalse();
        assertThat(recordsAll.covers(all)).isFalse();
        assertThat(recordsRead.covers(recordsRead)).isTrue();
    }
}
