package dev.latchkey.domain.auth;

import dev.latchkey.domain.common.StoreUnavailable;
import dev.latchkey.domain.error.AuthError;
import dev.latchkey.domain.error.AuthFailure;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The cache discipline shared by every bearer-token verifier: a token verified within
 * {@code revalidateAfter} is answered from memory (its expiry still checked on every request);
 * otherwise the full check runs — signature, then the live facts in the stores — and its result is
 * remembered. A failed check forgets the token; an unreachable store is a 503, never a 401.
 */
public final class CachedTokenVerification {

    /** The outcome of a full check: the token's id, the principal it proves, and its expiry. */
    public record Verified(String tokenId, Principal principal, Instant expiresAt) {
    }

    private final VerificationCache cache;
    private final Clock clock;
    private final Duration revalidateAfter;

    public CachedTokenVerification(VerificationCache cache, Clock clock, Duration revalidateAfter) {
        this.cache = cache;
        this.clock = clock;
        this.revalidateAfter = revalidateAfter;
    }

    /**
     * Whether this exact token was recently verified as {@code kind}: lets a verifier recognise its
     * own tokens with one hash instead of decoding and parsing them on every request.
     */
    public boolean holds(String token, CredentialKind kind) {
        return cache.get(VerificationCache.fingerprint(token))
                .filter(entry -> entry.principal().credentialKind() == kind).isPresent();
    }

    public Principal verify(String token, Supplier<Verified> fullCheck) {
        Instant now = clock.instant();
        ByteBuffer fingerprint = VerificationCache.fingerprint(token);
        Optional<VerificationCache.Entry> cached = cache.get(fingerprint);
        if (cached.isPresent()) {
            if (cached.get().expiredAt(now)) {
                cache.remove(fingerprint);
                throw new AuthFailure(AuthError.INVALID_JWT, "The token has expired");
            }
            if (now.isBefore(cached.get().revalidateAt())) {
                return cached.get().principal();
            }
        }
        Verified verified;
        try {
            verified = fullCheck.get();
        } catch (AuthFailure failure) {
            cache.remove(fingerprint);
            throw failure;
        } catch (StoreUnavailable e) {
            throw new AuthFailure(AuthError.IDENTITY_PROVIDER_UNAVAILABLE,
                    "The account store cannot be reached; try again shortly");
        }
        cache.put(fingerprint, new VerificationCache.Entry(verified.tokenId(), verified.tokenId(),
                verified.principal(), Optional.of(verified.expiresAt()), now.plus(revalidateAfter)));
        return verified.principal();
    }
}
