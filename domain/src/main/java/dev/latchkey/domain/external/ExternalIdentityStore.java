package dev.latchkey.domain.external;

import java.util.Optional;

/** Links between an external identity (issuer, subject) and a Latchkey user. */
public interface ExternalIdentityStore {

    /** Links the identity to the user; false when the identity is already linked (to anyone). */
    boolean link(String issuerName, String subject, String userId);

    Optional<String> findUserId(String issuerName, String subject);
}
