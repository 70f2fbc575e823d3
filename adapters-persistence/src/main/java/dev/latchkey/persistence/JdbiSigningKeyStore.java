package dev.latchkey.persistence;

import static dev.latchkey.persistence.Columns.instant;
import static dev.latchkey.persistence.Columns.optionalInstant;
import static dev.latchkey.persistence.Columns.utc;

import dev.latchkey.domain.workloadtoken.SigningKeyStore;
import dev.latchkey.domain.workloadtoken.StoredSigningKey;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

final class JdbiSigningKeyStore implements SigningKeyStore {
    private static final String COLUMNS =
            "kid, public_jwk, encrypted_private_key, created_at, activates_at, retired_at";

    private final Jdbi jdbi;

    JdbiSigningKeyStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void insert(StoredSigningKey k) {
        StoreCalls.run(() -> jdbi.useHandle(h -> h.createUpdate("INSERT INTO signing_keys (" + COLUMNS
                        + ") VALUES (:kid, :jwk, :secret, :createdAt, " + ":activatesAt, :retiredAt)")
                .bind("kid", k.kid())
                .bind("jwk", k.publicJwk())
                .bind("secret", k.encryptedPrivateKey())
                .bind("createdAt", utc(k.createdAt()))
                .bind("activatesAt", utc(k.activatesAt()))
                .bindByType("retiredAt", Columns.utcOrNull(k.retiredAt()), OffsetDateTime.class)
                .execute()));
    }

    @Override
    public List<StoredSigningKey> list() {
        return StoreCalls.call(() ->
                jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM signing_keys ORDER BY created_at, kid")
                        .map((rs, ctx) -> new StoredSigningKey(
                                rs.getString("kid"),
                                rs.getString("public_jwk"),
                                rs.getString("encrypted_private_key"),
                                instant(rs, "created_at"),
                                instant(rs, "activates_at"),
                                optionalInstant(rs, "retired_at")))
                        .list()));
    }

    @Override
    public void retire(String kid, Instant at) {
        StoreCalls.run(() -> jdbi.useHandle(
                h -> h.createUpdate("UPDATE signing_keys SET retired_at = :at WHERE kid = :kid AND retired_at IS NULL")
                        .bind("at", utc(at))
                        .bind("kid", kid)
                        .execute()));
    }
}
