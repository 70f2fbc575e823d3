package dev.latchkey.domain.provider;

import dev.latchkey.domain.auth.CachedTokenVerification;
import dev.latchkey.domain.auth.CredentialKind;
import dev.latchkey.domain.auth.CredentialVerifier;
import dev.latchkey.domain.auth.FailedAttemptLimiter;
import dev.latchkey.domain.auth.PresentedCredential;
import dev.latchkey.domain.auth.Principal;
import dev.latchkey.domain.common.BoundedCache;
import dev.latchkey.domain.common.Caches;
import dev.latchkey.domain.error.AuthError;
import dev.latchkey.domain.error.AuthFailure;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Provider API keys ({@code X-API-Key} while the provider is the key authority): validated by the
 * provider, mapped to an actor. A successful validation is cached for a short window keyed by a hash
 * of the value, so steady agent traffic does not call the provider per request; the value itself is
 * never stored. A key the provider says it does not know is remembered as unknown for
 * {@link #UNKNOWN_FOR} (it could be created at the provider later, so not for ever): a flood that
 * repeats junk keys costs map lookups, not the provider's rate budget. A flood of distinct junk
 * keys is budgeted per client address: past {@link #UNKNOWN_PER_SOURCE} unknown keys in
 * {@link #UNKNOWN_FOR}, that source's keys not validated recently are refused with
 * {@code rate_limited} without asking the provider — so one source cannot spend the provider's
 * budget (or open its breaker) for everyone, and keys of other sources are untouched.
 */
public final class ProviderApiKeyVerifier implements CredentialVerifier {
    private final IdentityProvider provider;
    private final MappedActors actors;
    public static final Duration UNKNOWN_FOR = Duration.ofMinutes(1);
    private static final int MAX_UNKNOWN = 100_000;
    public static final int UNKNOWN_PER_SOURCE = 30;

    private final CachedTokenVerification validations;
    private final Clock clock;
    private final BoundedCache<ByteBuffer, Instant> unknownUntil;
    private final FailedAttemptLimiter unknownPerSource;

    public ProviderApiKeyVerifier(
            IdentityProvider provider,
            MappedActors actors,
            CachedTokenVerification validations,
            Clock clock,
            Caches caches) {
        this.clock = clock;
        this.unknownUntil = caches.bounded("unknown_provider_api_keys", MAX_UNKNOWN, Optional.of(UNKNOWN_FOR));
        this.unknownPerSource = new FailedAttemptLimiter(
                UNKNOWN_PER_SOURCE, UNKNOWN_FOR, clock, caches, "unknown_provider_api_keys_per_source");
        this.provider = provider;
        this.actors = actors;
        this.validations = validations;
    }

    @Override
    public CredentialKind kind() {
        return CredentialKind.WORKOS_API_KEY;
    }

    @Override
    public boolean recognises(PresentedCredential credential) {
        return credential instanceof PresentedCredential.ApiKeyHeader;
    }

    @Override
    public Principal verify(PresentedCredential credential) {
        ByteBuffer fingerprint = credential.fingerprint(); // computed once per request, shared with the cache
        Instant now = clock.instant();
        Instant until = unknownUntil.get(fingerprint).orElse(null);
        if (until != null && now.isBefore(until)) {
            throw new AuthFailure(AuthError.INVALID_API_KEY, "The API key is not valid");
        }
        String source = credential instanceof PresentedCredential.ApiKeyHeader header
                ? header.source()
                : PresentedCredential.ApiKeyHeader.UNKNOWN_SOURCE;
        return validations.verify(credential, () -> {
            // Asked only off the cached path: a key validated recently (being revalidated now) is never budgeted.
            boolean known = validations.holds(credential, kind());
            unknownPerSource.retryAfter(source).filter(wait -> !known).ifPresent(wait -> {
                throw new AuthFailure(
                        AuthError.RATE_LIMITED,
                        "Too many unknown API keys from this address; try again" + " later",
                        wait);
            });
            ProviderIdentity identity = provider.validateApiKey(credential.value())
                    .orElseThrow(() -> {
                        unknownUntil.put(fingerprint, now.plus(UNKNOWN_FOR));
                        unknownPerSource.recordFailure(source);
                        return new AuthFailure(AuthError.INVALID_API_KEY, "The API key is not valid");
                    });
            Principal principal = actors.principalOf(provider.name(), identity, kind());
            return new CachedTokenVerification.Verified(identity.credentialId(), principal, identity.validUntil());
        });
    }
}
