package dev.latchkey.domain.oauth;

import java.util.Optional;

/**
 * Client ID Metadata Documents: a client whose {@code client_id} is an {@code https} URL describes
 * itself in a JSON document at that URL, so it needs no registration. The adapter fetches with
 * SSRF protection, size and time limits, and caching.
 */
public interface ClientMetadataDocuments {

    /**
     * The client the document at {@code url} describes, as a public client.
     *
     * @return empty when this server does not accept metadata documents
     * @throws OAuthFailure {@code invalid_client} when the document cannot be fetched or is invalid
     */
    Optional<OAuthClient> fetch(String url);

    /** For servers that accept registered clients only. */
    ClientMetadataDocuments NONE = url -> Optional.empty();
}
