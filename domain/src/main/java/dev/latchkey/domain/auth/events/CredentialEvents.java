package dev.latchkey.domain.auth.events;

/**
 * The port use cases tell of {@link CredentialEvent}s. Publishing returns once this process has
 * acted on the event (its caches no longer answer with what the event made stale).
 */
@FunctionalInterface
public interface CredentialEvents {

    /** Nobody listens: for use cases tested without caches. */
    CredentialEvents NONE = event -> {};

    void publish(CredentialEvent event);
}
