package dev.latchkey.crypto;

import dev.latchkey.domain.auth.Principal;
import dev.latchkey.domain.common.BoundedCache;
import dev.latchkey.domain.common.Caches;
import dev.latchkey.domain.route.PrincipalAssertions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;

/**
 * The {@code X-Latchkey-Principal} assertion: a JWT ({@code typ: latchkey-principal+jwt}) signed
 * RS256 with the key ring published at {@code /.well-known/jwks.json}, naming the actor, tenant,
 * role, scopes and credential. An RSA signature costs about a millisecond, far more than a cached
 * decision, so an assertion is reused for the same principal until half its lifetime has passed:
 * the decision path signs once per credential per half-lifetime, not once per request.
 */
public final class Rs256PrincipalAssertions implements PrincipalAssertions {
    static final String TYPE = "latchkey-principal+jwt";
    private static final int MAX_CACHED = 100_000;

    /**
     * One signed assertion. {@code refreshing} lets exactly one request re-sign once reuse is over,
     * while the others keep handing out this one, which stays valid until {@code expiresAt}: without
     * it, every request in flight at that moment would pay for its own RSA signature.
     */
    private record Signed(
            Principal principal, String jws, Instant reuseUntil, Instant expiresAt, AtomicBoolean refreshing) {
        Signed(Principal principal, String jws, Instant reuseUntil, Instant expiresAt) {
            this(principal, jws, reuseUntil, expiresAt, new AtomicBoolean());
        }

        Signed heldBy(Principal equal) {
            return new Signed(equal, jws, reuseUntil, expiresAt, refreshing);
        }
    }

    /** An assertion handed out while another request re-signs keeps at least this much of its life. */
    private static final Duration MIN_REMAINING = Duration.ofSeconds(10);

    private final WorkloadSigningKeys keys;
    private final String issuer;
    private final String audience;
    private final Duration lifetime;
    private final Clock clock;
    /**
     * By credential id, and valid only for the very principal object it was signed for: a cached
     * verification hands out the same object on every request, so the check is one reference
     * comparison instead of hashing and comparing whole principals.
     */
    private final BoundedCache<String, Signed> cache;

    public Rs256PrincipalAssertions(
            WorkloadSigningKeys keys, String issuer, String audience, Duration lifetime, Clock clock, Caches caches) {
        this.cache = caches.bounded("principal_assertions", MAX_CACHED, Optional.of(lifetime));
        this.keys = keys;
        this.issuer = issuer;
        this.audience = audience;
        this.lifetime = lifetime;
        this.clock = clock;
    }

    @Override
    public String assertionFor(Principal principal) {
        Instant now = clock.instant();
        Signed cached = cache.get(principal.credentialId()).orElse(null);
        if (cached != null
                && cached.principal() != principal
                && cached.principal().equals(principal)) {
            // Re-verified since it was signed: hold the new object, so later requests compare references.
            cached = cached.heldBy(principal);
            cache.put(principal.credentialId(), cached);
        }
        if (cached != null && cached.principal() == principal) {
            if (now.isBefore(cached.reuseUntil())) {
                return cached.jws();
            }
            if (now.isBefore(cached.expiresAt().minus(MIN_REMAINING))
                    && !cached.refreshing().compareAndSet(false, true)) {
                return cached.jws();
            }
        }
        Instant expiry = principal
                .credentialExpiresAt()
                .filter(end -> end.isBefore(now.plus(lifetime)))
                .orElse(now.plus(lifetime));
        Instant halfway = now.plus(lifetime.dividedBy(2));
        Signed signed = new Signed(
                principal, sign(principal, now, expiry), expiry.isBefore(halfway) ? expiry : halfway, expiry);
        cache.put(principal.credentialId(), signed);
        return signed.jws();
    }

    private String sign(Principal principal, Instant now, Instant expiry) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(issuer);
        claims.setAudience(audience);
        claims.setSubject(principal.actor().id());
        claims.setClaim("actor_kind", principal.actor().kind().wireName());
        principal.tenantId().ifPresent(tenant -> claims.setClaim("tenant_id", tenant));
        claims.setClaim("role", principal.actor().role());
        claims.setClaim("scope", principal.scopes().toSpaceSeparated());
        claims.setClaim(
                "owner_scopes", List.copyOf(new TreeSet<>(principal.actor().ownerScopes())));
        claims.setClaim("credential_kind", principal.credentialKind().wireName());
        claims.setClaim("credential_id", principal.credentialId());
        principal.grantId().ifPresent(grant -> claims.setClaim("grant_id", grant));
        claims.setIssuedAt(NumericDate.fromSeconds(now.getEpochSecond()));
        claims.setExpirationTime(NumericDate.fromSeconds(expiry.getEpochSecond()));
        return keys.sign(claims, TYPE);
    }
}
