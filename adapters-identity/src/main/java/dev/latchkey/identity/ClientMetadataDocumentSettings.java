package dev.latchkey.identity;

import java.time.Duration;

/**
 * How client metadata documents are fetched.
 *
 * @param allowPrivateAddresses for tests against a local server only: lifts the SSRF guard
 * @param allowHttp for tests only: accepts {@code http://} document URLs
 * @param maxCacheAge the longest a document is reused, whatever its {@code Cache-Control} says
 */
public record ClientMetadataDocumentSettings(
        boolean allowPrivateAddresses, boolean allowHttp, Duration timeout, int maxBytes, Duration maxCacheAge) {}
