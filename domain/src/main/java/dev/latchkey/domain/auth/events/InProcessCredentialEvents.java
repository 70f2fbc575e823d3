package dev.latchkey.domain.auth.events;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** Delivers each event to every subscriber in this process, on the publisher's thread, before returning. */
public final class InProcessCredentialEvents implements CredentialEvents {
    private final List<Consumer<CredentialEvent>> subscribers = new CopyOnWriteArrayList<>();

    public void subscribe(Consumer<CredentialEvent> subscriber) {
        subscribers.add(subscriber);
    }

    @Override
    public void publish(CredentialEvent event) {
        subscribers.forEach(subscriber -> subscriber.accept(event));
    }
}
