package dev.latchkey.benchmarks;

import dev.latchkey.cache.CaffeineVerificationCache;
import dev.latchkey.domain.actor.Actor;
import dev.latchkey.domain.actor.ActorKind;
import dev.latchkey.domain.actor.ActorStatus;
import dev.latchkey.domain.auth.CredentialKind;
import dev.latchkey.domain.auth.Principal;
import dev.latchkey.domain.auth.VerificationCache;
import dev.latchkey.domain.scope.ScopeSet;
import dev.latchkey.domain.testing.InMemoryVerificationCache;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * What a flood of one-off credentials does to the credentials in steady use: 1,000 API keys called
 * again and again while five-minute workload tokens, each seen a few times, pour through at ten
 * times the cache's size. A steady key that falls out of the cache costs its next caller a full
 * argon2id verification (~30 ms of CPU), so the steady keys' hit ratio is what matters. Prints it
 * for the Caffeine cache production runs and for the hand-written map it replaced, in one run.
 * {@code java -cp benchmarks/target/benchmarks.jar dev.latchkey.benchmarks.CacheChurnHitRatio [cacheSize]}
 */
public final class CacheChurnHitRatio {
    private static final int STEADY = 1_000;

    private CacheChurnHitRatio() {}

    public static void main(String[] args) {
        int size = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        for (String name : new String[] {"caffeine", "map"}) {
            VerificationCache cache =
                    name.equals("caffeine") ? new CaffeineVerificationCache(size) : new InMemoryVerificationCache(size);
            System.out.printf(
                    "%-9s cache of %,d: steady keys' hit ratio %.4f%n", name, size, steadyHitRatio(cache, size));
        }
    }

    private static double steadyHitRatio(VerificationCache cache, int size) {
        Random random = new Random(42);
        long hits = 0;
        long lookups = 0;
        int oneOffs = size * 10;
        for (int i = 0; i < oneOffs; i++) {
            // Each one-off token is seen three times, then never again.
            String token = "wtk_" + i;
            for (int seen = 0; seen < 3; seen++) {
                lookupOrStore(cache, token);
            }
            // Between them, two calls from the steady keys.
            for (int call = 0; call < 2; call++) {
                String key = "key_" + random.nextInt(STEADY);
                lookups++;
                if (lookupOrStore(cache, key)) {
                    hits++;
                }
            }
        }
        return (double) hits / lookups;
    }

    /** The decision path: a hit, or a full verification whose result is stored. */
    private static boolean lookupOrStore(VerificationCache cache, String credential) {
        ByteBuffer fingerprint = VerificationCache.fingerprint(credential);
        if (cache.get(fingerprint).isPresent()) {
            return true;
        }
        cache.put(fingerprint, entry(credential));
        return false;
    }

    private static VerificationCache.Entry entry(String id) {
        Instant later = Instant.now().plusSeconds(3600);
        Principal principal = new Principal(
                new Actor(id, ActorKind.SERVICE, ActorStatus.ACTIVE, Optional.of("ws"), "api_key", Set.of()),
                Optional.of("ws"),
                CredentialKind.API_KEY,
                ScopeSet.parse(Set.of("records:read")),
                id,
                Optional.of(later));
        return new VerificationCache.Entry(id, id, principal, Optional.of(later), later);
    }
}
