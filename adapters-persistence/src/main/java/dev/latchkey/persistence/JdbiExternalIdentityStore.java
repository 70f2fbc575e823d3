package dev.latchkey.persistence;

import dev.latchkey.domain.external.ExternalIdentityStore;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

final class JdbiExternalIdentityStore implements ExternalIdentityStore {
    private final Jdbi jdbi;

    JdbiExternalIdentityStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public boolean link(String issuerName, String subject, String userId) {
        return StoreCalls.insertUnlessDuplicate(() ->
                jdbi.useHandle(h -> h.createUpdate("INSERT INTO external_identities (issuer_name, subject, user_id) "
                                + "VALUES (:issuer, :subject, :user)")
                        .bind("issuer", issuerName)
                        .bind("subject", subject)
                        .bind("user", userId)
                        .execute()));
    }

    @Override
    public Optional<String> findUserId(String issuerName, String subject) {
        return StoreCalls.call(() -> jdbi.withHandle(h -> h.createQuery(
                        "SELECT user_id FROM external_identities WHERE issuer_name = :issuer AND subject = :subject")
                .bind("issuer", issuerName)
                .bind("subject", subject)
                .mapTo(String.class)
                .findOne()));
    }
}
