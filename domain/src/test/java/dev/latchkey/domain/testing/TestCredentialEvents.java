package dev.latchkey.domain.testing;

import dev.latchkey.domain.auth.VerificationCache;
import dev.latchkey.domain.auth.events.CredentialEvents;
import dev.latchkey.domain.auth.events.ForgetStaleVerifications;
import dev.latchkey.domain.auth.events.InProcessCredentialEvents;
import java.util.List;

/** Credential events wired as production wires them: the given caches forget what each event made stale. */
public final class TestCredentialEvents {

    private TestCredentialEvents() {}

    public static CredentialEvents forgettingIn(VerificationCache... caches) {
        InProcessCredentialEvents events = new InProcessCredentialEvents();
        events.subscribe(new ForgetStaleVerifications(List.of(caches)));
        return events;
    }
}
