package dev.latchkey.domain.oauth;

import java.util.Optional;

/** Finds a client by its id: registered ones in the store, URL ids through their metadata document. */
public final class OAuthClients {
    private final OAuthClientStore store;
    private final ClientMetadataDocuments documents;

    public OAuthClients(OAuthClientStore store, ClientMetadataDocuments documents) {
        this.store = store;
        this.documents = documents;
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
        return isMetadataDocumentUrl(clientId) ? documents.fetch(clientId) : store.findById(clientId);
    }

    /**
     * How fresh a client's recorded last use is kept: to the minute. A machine client may ask for
     * tokens many times a second, and a row rewritten on every token is a write for nothing.
     */
    static final java.time.Duration USE_RECORDED_EVERY = java.time.Duration.ofMinutes(1);

    /**
     * Records that a registered client obtained tokens (document clients are not stored), unless a
     * use less than {@link #USE_RECORDED_EVERY} ago is recorded already.
     */
    void markUsed(OAuthClient client, java.time.Instant at) {
        boolean recordedRecently = client.lastUsedAt()
                .filter(last -> last.isAfter(at.minus(USE_RECORDED_EVERY)))
                .isPresent();
        if (!recordedRecently && !isMetadataDocumentUrl(client.clientId())) {
            store.markUsed(client.clientId(), at);
        }
    }
}
