package dev.latchkey.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.latchkey.domain.common.StoreUnavailable;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

class StoreUnavailableTest {

    @Test
    void readWhenDatabaseRefusesConnectionsThenStoreUnavailableNotAGenericError() {
        PGSimpleDataSource nowhere = new PGSimpleDataSource();
        nowhere.setUrl("jdbc:postgresql://127.0.0.1:1/none?connectTimeout=2");
        JdbiStores stores = new JdbiStores(Jdbi.create(nowhere));

        assertThatThrownBy(() -> stores.apiKeys().findByLookupPrefix("sk_live_abcdefgh"))
                .isInstanceOf(StoreUnavailable.class);
        assertThatThrownBy(() -> stores.workspaces().findById("ws_1")).isInstanceOf(StoreUnavailable.class);
    }

    @Test
    void auditDetailsRoundTripThroughTheirColumnEncoding() {
        var details = java.util.Map.of("name", "a=b&c d", "émoji", "🔑", "empty", "");

        assertThat(JdbiAuditLog.decode(JdbiAuditLog.encode(details))).isEqualTo(details);
    }
}
