package dev.latchkey.benchmarks;

import dev.latchkey.cache.CaffeineCaches;
import dev.latchkey.cache.CaffeineVerificationCache;
import dev.latchkey.domain.apikey.ApiKeyVerifier;
import dev.latchkey.domain.apikey.IssueApiKey;
import dev.latchkey.domain.apikey.LastUsedRecorder;
import dev.latchkey.domain.audit.AuditTrail;
import dev.latchkey.domain.audit.Initiator;
import dev.latchkey.domain.auth.PresentedCredential;
import dev.latchkey.domain.auth.VerificationCache;
import dev.latchkey.domain.common.RandomIdGenerator;
import dev.latchkey.domain.scope.ScopeSet;
import dev.latchkey.domain.testing.FastTestHasher;
import dev.latchkey.domain.testing.InMemoryApiKeyStore;
import dev.latchkey.domain.testing.InMemoryAuditLog;
import dev.latchkey.domain.testing.InMemoryWorkspaceStore;
import dev.latchkey.domain.workspace.lifecycle.CreateWorkspace;
import java.lang.management.ManagementFactory;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How much heap 100,000 cached API-key verifications take: issue the keys, verify each once (so
 * each is cached), then compare the heap after a full collection with and without the cache.
 * {@code java -cp benchmarks/target/benchmarks.jar dev.latchkey.benchmarks.CacheFootprint [count]}
 */
public final class CacheFootprint {
    private CacheFootprint() {}

    public static void main(String[] args) throws InterruptedException {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        Clock clock = Clock.systemUTC();
        SecureRandom random = new SecureRandom();
        RandomIdGenerator ids = new RandomIdGenerator(random);
        InMemoryApiKeyStore keys = new InMemoryApiKeyStore();
        InMemoryWorkspaceStore workspaces = new InMemoryWorkspaceStore();
        FastTestHasher hasher = new FastTestHasher();
        AuditTrail audit = new AuditTrail(new InMemoryAuditLog(), ids, clock);
        IssueApiKey issue = new IssueApiKey(keys, hasher, ids, random, clock, audit);
        CreateWorkspace.Created workspace = new CreateWorkspace(workspaces, issue, ids, clock, audit)
                .execute("footprint", Initiator.operator("footprint"));
        List<String> plaintext = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            plaintext.add(issue.execute(
                            new IssueApiKey.Command(
                                    workspace.workspace().id(),
                                    "key " + i,
                                    Optional.of(ScopeSet.ALL),
                                    Optional.empty()),
                            ScopeSet.ALL,
                            Initiator.operator("footprint"))
                    .secret()
                    .value());
        }
        long withoutCache = usedAfterGc();
        VerificationCache cache = new CaffeineVerificationCache(count + 1);
        ApiKeyVerifier verifier = new ApiKeyVerifier(
                keys,
                workspaces,
                hasher,
                cache,
                new LastUsedRecorder(keys, Duration.ofHours(1)),
                clock,
                Duration.ofHours(1),
                new CaffeineCaches(new com.codahale.metrics.MetricRegistry()));
        for (String key : plaintext) {
            verifier.verify(new PresentedCredential.Bearer(key));
        }
        long withCache = usedAfterGc();
        System.out.printf(
                "%d cached verifications: %.1f MB (%.0f bytes each); heap in use %.1f MB of %.1f MB max%n",
                cache.size(),
                (withCache - withoutCache) / 1e6,
                (withCache - withoutCache) / (double) cache.size(),
                withCache / 1e6,
                Runtime.getRuntime().maxMemory() / 1e6);
    }

    private static long usedAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
