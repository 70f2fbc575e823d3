package dev.latchkey.domain.audit;

import dev.latchkey.domain.auth.Principal;
import java.util.Objects;
import java.util.Optional;

/**
 * Who set an action going and from where, as recorded in the audit trail: a verified principal
 * over HTTP, or an operator at the command line.
 */
public record Initiator(
        String actorId, Optional<String> credentialId, Optional<String> sourceAddress, Optional<String> impersonator) {

    public Initiator {
        Objects.requireNonNull(actorId, "actorId");
        Objects.requireNonNull(credentialId, "credentialId");
        Objects.requireNonNull(sourceAddress, "sourceAddress");
        Objects.requireNonNull(impersonator, "impersonator");
    }

    public Initiator(String actorId, Optional<String> credentialId, Optional<String> sourceAddress) {
        this(actorId, credentialId, sourceAddress, Optional.empty());
    }

    /** A verified principal over HTTP; an impersonated session keeps its impersonator in the record. */
    public static Initiator of(Principal principal, String sourceAddress) {
        return new Initiator(
                principal.actor().id(),
                Optional.of(principal.credentialId()),
                Optional.ofNullable(sourceAddress),
                principal.impersonator());
    }

    /** An operator running a Latchkey command on the server itself. */
    public static Initiator operator(String command) {
        return new Initiator("operator:" + command, Optional.empty(), Optional.empty());
    }
}
