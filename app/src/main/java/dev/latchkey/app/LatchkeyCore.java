package dev.latchkey.app;

import dev.latchkey.app.config.ApiKeysConfiguration;
import dev.latchkey.app.config.LatchkeyConfiguration;
import dev.latchkey.domain.apikey.ApiKeyVerifier;
import dev.latchkey.domain.auth.FailedAttemptLimiter;
import dev.latchkey.domain.apikey.IssueApiKey;
import dev.latchkey.domain.apikey.LastUsedRecorder;
import dev.latchkey.domain.apikey.ListApiKeys;
import dev.latchkey.domain.apikey.RevokeApiKey;
import dev.latchkey.domain.apikey.RollApiKey;
import dev.latchkey.domain.audit.AuditTrail;
import dev.latchkey.domain.audit.ReadAuditTrail;
import dev.latchkey.domain.auth.AuthenticateRequest;
import dev.latchkey.domain.auth.AuthenticationListener;
import dev.latchkey.domain.auth.VerificationCache;
import dev.latchkey.domain.common.IdGenerator;
import dev.latchkey.domain.common.RandomIdGenerator;
import dev.latchkey.domain.common.SecretHasher;
import dev.latchkey.domain.workspace.CreateWorkspace;
import dev.latchkey.persistence.JdbiStores;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/** The domain's use cases wired to their ports: built once, by the server or by a command. */
final class LatchkeyCore {
    final Clock clock;
    final LastUsedRecorder lastUsed;
    final ApiKeyVerifier apiKeyVerifier;
    final IssueApiKey issueApiKey;
    final ListApiKeys listApiKeys;
    final RevokeApiKey revokeApiKey;
    final RollApiKey rollApiKey;
    final CreateWorkspace createWorkspace;
    final ReadAuditTrail readAuditTrail;

    LatchkeyCore(LatchkeyConfiguration configuration, JdbiStores stores, SecretHasher hasher, Clock clock) {
        ApiKeysConfiguration keys = configuration.getApiKeys();
        SecureRandom random = new SecureRandom();
        IdGenerator ids = new RandomIdGenerator(random);
        AuditTrail audit = new AuditTrail(stores.auditLog(), ids, clock);
        VerificationCache cache = new VerificationCache(keys.getCacheMaxEntries());

        this.clock = clock;
        this.lastUsed = new LastUsedRecorder(stores.apiKeys(), duration(keys.getLastUsedGranularity()));
        this.apiKeyVerifier = new ApiKeyVerifier(stores.apiKeys(), stores.workspaces(), hasher, cache,
                new FailedAttemptLimiter(keys.getMaxFailedAttempts(), duration(keys.getFailureWindow()), clock),
                lastUsed, clock, duration(keys.getRevalidateAfter()));
        this.issueApiKey = new IssueApiKey(stores.apiKeys(), hasher, ids, random, clock, audit);
        this.listApiKeys = new ListApiKeys(stores.apiKeys());
        this.revokeApiKey = new RevokeApiKey(stores.apiKeys(), cache, clock, audit);
        this.rollApiKey = new RollApiKey(stores.apiKeys(), issueApiKey, cache, clock, audit);
        this.createWorkspace = new CreateWorkspace(stores.workspaces(), issueApiKey, ids, clock, audit);
        this.readAuditTrail = new ReadAuditTrail(stores.auditLog());
    }

    AuthenticateRequest authenticateRequest(AuthenticationListener listener) {
        return new AuthenticateRequest(List.of(apiKeyVerifier), listener);
    }

    private static Duration duration(io.dropwizard.util.Duration configured) {
        return Duration.ofMillis(configured.toMilliseconds());
    }
}
