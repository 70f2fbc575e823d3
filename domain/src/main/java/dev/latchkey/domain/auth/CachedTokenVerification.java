package dev.latchkey.domain.auth;

import dev.latchkey.domain.common.Caches;
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
 *
 * <p>Expired tokens are refused without their signature being checked: a token seen to expire is
 * remembered as dead, and one whose (unverified) {@code exp} lies further in the past than any
 * verifier's clock-skew allowance is refused on sight. Replaying an old token then costs a lookup,
 * not an RSA verification per request. Neither shortcut can accept anything.
 */
public final class CachedTokenVerification {

    /**
     * The outcome of a full check: the token's id, the stored fact it rests on ({@code proof}: the
     * token id itself, or for workload tokens their grant, so revoking the grant can find them),
     * the principal it proves, and its expiry.
     */
    public record Verified(String tokenId, String proof, Principal principal, Instant expiresAt) {
        public Verified(String tokenId, Principal principal, Instant expiresAt) {
            this(tokenId, tokenId, principal, expiresAt);
        }
    }

    /** Longer than any verifier's clock-skew allowance, so a token this far past {@code exp} is dead everywhere. */
    static final Duration SURELY_EXPIRED_AFTER = Duration.ofMinutes(5);

    private final VerificationCache cache;
    private final AbsentCredentials expiredTokens;
    private final Clock clock;
    private final Duration revalidateAfter;
    private final Duration staleGrace;
    private final AuthError expired;

    /** For JWTs: no stale answers, expiry is {@code invalid_jwt}. */
    public CachedTokenVerification(VerificationCache cache, Clock clock, Duration revalidateAfter, Caches caches) {
        this(cache, clock, revalidateAfter, Duration.ZERO, AuthError.INVALID_JWT, caches);
    }

    /**
     * @param staleGrace how long past its revalidation time an entry may still answer while the
     *     provider is unavailable (rides out short outages; lengthens the revocation bound by as much)
     * @param expired the error for a credential past its own expiry
     */
    public CachedTokenVerification(
            VerificationCache cache,
            Clock clock,
            Duration revalidateAfter,
            Duration staleGrace,
            AuthError expired,
            Caches caches) {
        this.expiredTokens = new AbsentCredentials(caches, "expired_tokens");
        this.cache = cache;
        this.clock = clock;
        this.revalidateAfter = revalidateAfter;
        this.staleGrace = staleGrace;
        this.expired = expired;
    }

    /**
     * Whether this exact token was recently verified as {@code kind}: lets a verifier recognise its
     * own tokens with one hash instead of decoding and parsing them on every request.
     */
    public boolean holds(PresentedCredential token, CredentialKind kind) {
        return cache.get(token.fingerprint())
                .filter(entry -> entry.principal().credentialKind() == kind)
                .isPresent();
    }

    private Optional<Principal> stale(Optional<VerificationCache.Entry> cached, Instant now) {
        return cached.filter(entry -> now.isBefore(entry.revalidateAt().plus(staleGrace)))
                .map(VerificationCache.Entry::principal);
    }

    private AuthFailure expiredToken() {
        return new AuthFailure(
                expired, expired == AuthError.INVALID_API_KEY ? "The API key has expired" : "The token has expired");
    }

    public Principal verify(PresentedCredential token, Supplier<Verified> fullCheck) {
        Instant now = clock.instant();
        ByteBuffer fingerprint = token.fingerprint();
        Optional<VerificationCache.Entry> cached = cache.get(fingerprint);
        if (cached.isPresent()) {
            if (cached.get().expiredAt(now)) {
                cache.remove(fingerprint);
                expiredTokens.rememberAbsent(fingerprint);
                throw expiredToken();
            }
            if (now.isBefore(cached.get().revalidateAt())) {
                return cached.get().principal();
            }
        } else if (expiredTokens.isKnownAbsent(fingerprint)) {
            throw expiredToken();
        } else if (JwtShape.unverifiedExpiry(token.value())
                .filter(exp -> exp.plus(SURELY_EXPIRED_AFTER).isBefore(now))
                .isPresent()) {
            expiredTokens.rememberAbsent(fingerprint);
            throw expiredToken();
        }
        Verified verified;
        try {
            verified = fullCheck.get();
        } catch (StoreUnavailable e) {
            return stale(cached, now)
                    .orElseThrow(() -> new AuthFailure(
                            AuthError.IDENTITY_PROVIDER_UNAVAILABLE,
                            "The account store cannot be reached; try again shortly"));
        } catch (AuthFailure failure) {
            if (failure.error() == AuthError.IDENTITY_PROVIDER_UNAVAILABLE) {
                return stale(cached, now).orElseThrow(() -> failure);
            }
            cache.remove(fingerprint);
            throw failure;
        }
        cache.put(
                fingerprint,
                new VerificationCache.Entry(
                        verified.tokenId(),
                        verified.proof(),
                        verified.principal(),
                        Optional.of(verified.expiresAt()),
                        now.plus(revalidateAfter)));
        return verified.principal();
    }
}
