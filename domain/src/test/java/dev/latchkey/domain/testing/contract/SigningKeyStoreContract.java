package dev.latchkey.domain.testing.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.domain.workloadtoken.SigningKeyStore;
import dev.latchkey.domain.workloadtoken.StoredSigningKey;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every {@link SigningKeyStore} must do. */
public abstract class SigningKeyStoreContract {
    private static final Instant T0 = Instant.parse("2026-05-01T00:00:00Z");

    protected abstract SigningKeyStore signingKeyStore();

    private static StoredSigningKey key(Instant createdAt) {
        return new StoredSigningKey(
                "kid-" + UUID.randomUUID(),
                "{\"kty\":\"RSA\",\"n\":\"abc\",\"e\":\"AQAB\"}",
                "encrypted-" + UUID.randomUUID(),
                createdAt,
                createdAt.plusSeconds(600),
                Optional.empty());
    }

    @Test
    void keysComeBackOldestFirstAndRetiringKeepsThem() {
        SigningKeyStore store = signingKeyStore();
        StoredSigningKey older = key(T0);
        StoredSigningKey newer = key(T0.plusSeconds(60));
        store.insert(newer);
        store.insert(older);

        assertThat(store.list())
                .filteredOn(k -> k.kid().equals(older.kid()) || k.kid().equals(newer.kid()))
                .containsExactly(older, newer);

        store.retire(older.kid(), T0.plusSeconds(120));

        assertThat(store.list())
                .filteredOn(k -> k.kid().equals(older.kid()))
                .singleElement()
                .satisfies(k -> assertThat(k.retiredAt()).contains(T0.plusSeconds(120)));
    }
}
