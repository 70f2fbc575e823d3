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
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A full verification cache under churn: every operation stores a credential not seen before, drawn
 * from ten times as many distinct tokens as the cache holds (5-minute workload tokens and refreshed
 * OAuth tokens behave so), so every put evicts. Sampled, so the report shows the tail: p99 must stay
 * flat as the cache grows (eviction is O(1)), where a scanning eviction grew with the size.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class VerificationCacheChurnBenchmark {
    @Param({"10000", "100000"})
    public int cacheSize;

    /** The Caffeine cache production runs, and the hand-written map it replaced (now the tests' twin). */
    @Param({"caffeine", "map"})
    public String implementation;

    private VerificationCache cache;
    private ByteBuffer[] fingerprints;
    private VerificationCache.Entry[] entries;
    private int next;

    @Setup
    public void fill() {
        cache = implementation.equals("caffeine")
                ? new CaffeineVerificationCache(cacheSize)
                : new InMemoryVerificationCache(cacheSize);
        int distinct = cacheSize * 10;
        fingerprints = new ByteBuffer[distinct];
        entries = new VerificationCache.Entry[distinct];
        Instant later = Instant.now().plusSeconds(3600);
        for (int i = 0; i < distinct; i++) {
            String id = "wtk_" + i;
            fingerprints[i] = VerificationCache.fingerprint("eyJ.token-" + i + ".sig");
            Principal principal = new Principal(
                    new Actor(
                            "wkl_" + (i % 100),
                            ActorKind.AGENT,
                            ActorStatus.ACTIVE,
                            Optional.of("ws_bench"),
                            "agent",
                            Set.of()),
                    Optional.of("ws_bench"),
                    CredentialKind.WORKLOAD_TOKEN,
                    ScopeSet.parse(Set.of("records:read")),
                    id,
                    Optional.of(later));
            entries[i] = new VerificationCache.Entry(id, id, principal, Optional.of(later), later);
        }
        for (int i = 0; i < cacheSize; i++) {
            cache.put(fingerprints[i], entries[i]);
        }
        next = cacheSize;
    }

    /** The decision path's lookup of a credential in steady use. */
    @Benchmark
    public boolean getAHit() {
        int i = next == 0 ? fingerprints.length - 1 : next - 1;
        return cache.get(fingerprints[i]).isPresent();
    }

    @Benchmark
    public int putIntoAFullCache() {
        int i = next;
        next = i + 1 == fingerprints.length ? 0 : i + 1;
        cache.put(fingerprints[i], entries[i]);
        return cache.size();
    }
}
