package dev.latchkey.domain.oauth;

import dev.latchkey.domain.auth.events.CredentialEvent;
import dev.latchkey.domain.common.BoundedCache;
import dev.latchkey.domain.common.Caches;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Finds a client by its id: registered ones in the store, URL ids through their metadata document.
 * A machine client read within {@code revalidateAfter} is answered from memory, for the token
 * endpoint it asks on every token; deleting it is an {@link CredentialEvent.ActorChanged} that every
 * instance hears ({@link #forget}), and its tokens never rest on this memory — their verifier reads
 * the store. A machine client never changes otherwise (its secret or keys are set once, at creation):
 * anything that changes one must publish that event too.
 */
public final class OAuthClients {
    private static final int MAX_REMEMBERED = 10_000;

    private final OAuthClientStore store;
    private final ClientMetadataDocuments documents;
    private final Optional<BoundedCache<String, Remembered>> machines;
    private final Clock clock;
    private final Duration revalidateAfter;

    private record Remembered(OAuthClient client, Instant readAt) {}

    /** Every lookup from the store. */
    public OAuthClients(OAuthClientStore store, ClientMetadataDocuments documents) {
        this.store = store;
        this.documents = documents;
        this.machines = Optional.empty();
        this.clock = Clock.systemUTC();
        this.revalidateAfter = Duration.ZERO;
    }

    /** Machine clients remembered for {@code revalidateAfter} after they were read. */
    public OAuthClients(
            OAuthClientStore store,
            ClientMetadataDocuments documents,
            Caches caches,
            Clock clock,
            Duration revalidateAfter) {
        this.store = store;
        this.documents = documents;
        this.machines = Optional.of(caches.bounded("machine_clients", MAX_REMEMBERED, Optional.of(revalidateAfter)));
        this.clock = clock;
        this.revalidateAfter = revalidateAfter;
    }

    /** A URL id names a metadata document (whose adapter refuses plain http outside tests); registered ids never are URLs. */
    /** The longest client_id: a metadata document's URL, as the stores keep it. */
    public static final int MAX_CLIENT_ID = 2000;

    public static boolean isMetadataDocumentUrl(String clientId) {
        return clientId.startsWith("https://") || clientId.startsWith("http://");
    }

    public Optional<OAuthClient> find(String clientId) {
        if (clientId == null || clientId.isEmpty() || clientId.length() > MAX_CLIENT_ID) {
            return Optional.empty();
        }
        if (isMetadataDocumentUrl(clientId)) {
            return documents.fetch(clientId);
        }
        if (machines.isEmpty()) {
            return store.findById(clientId);
        }
        Instant now = clock.instant();
        Optional<OAuthClient> remembered = machines.get()
                .get(clientId)
                .filter(r -> now.isBefore(r.readAt().plus(revalidateAfter)))
                .map(Remembered::client);
        if (remembered.isPresent()) {
            return remembered;
        }
        Optional<OAuthClient> read = store.findById(clientId);
        read.filter(c -> c.machine().isPresent()).ifPresent(c -> machines.get().put(clientId, new Remembered(c, now)));
        return read;
    }

    /** Forgets a machine client the event says was deleted (its id is the actor's). */
    public void forget(CredentialEvent event) {
        if (event instanceof CredentialEvent.ActorChanged changed) {
            machines.ifPresent(cache -> cache.remove(changed.actorId()));
        }
    }

    /**
     * How fresh a client's recorded last use is kept: to the minute. A machine client may ask for
     * tokens many times a second, and a row rewritten on every token is a write for nothing.
     */
    static final Duration USE_RECORDED_EVERY = Duration.ofMinutes(1);

    /**
     * Records that a registered client obtained tokens (document clients are not stored), unless a
     * use less than {@link #USE_RECORDED_EVERY} ago is recorded already.
     */
    void markUsed(OAuthClient client, Instant at) {
        boolean recordedRecently = client.lastUsedAt()
                .filter(last -> last.isAfter(at.minus(USE_RECORDED_EVERY)))
                .isPresent();
        if (!recordedRecently && !isMetadataDocumentUrl(client.clientId())) {
            store.markUsed(client.clientId(), at);
            machines.ifPresent(cache -> cache.compute(
                    client.clientId(),
                    (id, r) -> r == null ? null : new Remembered(r.client().usedAt(at), r.readAt())));
        }
    }
}
