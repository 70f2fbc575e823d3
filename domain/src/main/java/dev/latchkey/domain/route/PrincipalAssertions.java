package dev.latchkey.domain.route;

import dev.latchkey.domain.auth.Principal;

/**
 * Signs what the forward-auth endpoint decided about a caller, so the upstream behind a proxy can
 * verify who is calling against Latchkey's published keys instead of trusting plain headers.
 */
@FunctionalInterface
public interface PrincipalAssertions {

    /** A compact signed assertion of the principal, valid for a short time. */
    String assertionFor(Principal principal);
}
