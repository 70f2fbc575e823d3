package dev.latchkey.domain.apikey;

import dev.latchkey.domain.audit.AuditTrail;
import dev.latchkey.domain.audit.Initiator;
import dev.latchkey.domain.auth.VerificationCache;
import dev.latchkey.domain.common.RandomIdGenerator;
import dev.latchkey.domain.testing.CountingSecretHasher;
import dev.latchkey.domain.testing.FastTestHasher;
import dev.latchkey.domain.testing.InMemoryApiKeyStore;
import dev.latchkey.domain.testing.InMemoryAuditLog;
import dev.latchkey.domain.testing.InMemoryCaches;
import dev.latchkey.domain.testing.InMemoryVerificationCache;
import dev.latchkey.domain.testing.InMemoryWorkspaceStore;
import dev.latchkey.domain.testing.MutableClock;
import dev.latchkey.domain.testing.TestCredentialEvents;
import dev.latchkey.domain.workspace.lifecycle.CreateWorkspace;
import java.security.SecureRandom;
import java.time.Duration;

/** The API-key use cases wired over in-memory stores, a counting hasher and a hand-moved clock. */
final class ApiKeyWorld {
    static final Duration REVALIDATE_AFTER = Duration.ofSeconds(30);
    static final Initiator ADMIN = Initiator.operator("test");

    final MutableClock clock = MutableClock.startingAt("2026-05-01T12:00:00Z");
    final InMemoryApiKeyStore keys = new InMemoryApiKeyStore();
    final InMemoryWorkspaceStore workspaces = new InMemoryWorkspaceStore();
    final InMemoryAuditLog auditLog = new InMemoryAuditLog();
    final CountingSecretHasher hasher = new CountingSecretHasher(new FastTestHasher());
    final VerificationCache cache = new InMemoryVerificationCache(1000);
    final LastUsedRecorder lastUsed = new LastUsedRecorder(keys, Duration.ofMinutes(1));
    final RandomIdGenerator ids = new RandomIdGenerator(new SecureRandom());
    final AuditTrail audit = new AuditTrail(auditLog, ids, clock);

    final IssueApiKey issue = new IssueApiKey(keys, hasher, ids, new SecureRandom(), clock, audit);
    final RevokeApiKey revoke = new RevokeApiKey(keys, TestCredentialEvents.forgettingIn(cache), clock, audit);
    final RollApiKey roll = new RollApiKey(keys, issue, TestCredentialEvents.forgettingIn(cache), clock, audit);
    final CreateWorkspace createWorkspace = new CreateWorkspace(workspaces, issue, ids, clock, audit);
    final ApiKeyVerifier verifier = new ApiKeyVerifier(
            keys, workspaces, hasher, cache, lastUsed, clock, REVALIDATE_AFTER, new InMemoryCaches());
}
