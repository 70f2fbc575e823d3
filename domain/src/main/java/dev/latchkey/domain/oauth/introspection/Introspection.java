package dev.latchkey.domain.oauth.introspection;

import dev.latchkey.domain.auth.Principal;
import java.util.Objects;
import java.util.Optional;

/**
 * The answer to "is this token active, and what does it carry" (RFC 7662 §2.2): inactive, saying
 * nothing more — unknown, expired, revoked, malformed and meant for another resource server are not
 * told apart — or active with the principal Latchkey's own decision would see.
 */
public record Introspection(Optional<Principal> principal) {
    public static final Introspection INACTIVE = new Introspection(Optional.empty());

    public Introspection {
        Objects.requireNonNull(principal, "principal");
    }

    public static Introspection active(Principal principal) {
        return new Introspection(Optional.of(principal));
    }

    public boolean isActive() {
        return principal.isPresent();
    }
}
