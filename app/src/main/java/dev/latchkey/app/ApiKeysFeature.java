package dev.latchkey.app;

import dev.latchkey.app.config.ApiKeysConfiguration;
import dev.latchkey.domain.apikey.ApiKeyVerifier;
import dev.latchkey.domain.apikey.IssueApiKey;
import dev.latchkey.domain.apikey.LastUsedRecorder;
import dev.latchkey.domain.apikey.ListApiKeys;
import dev.latchkey.domain.apikey.RevokeApiKey;
import dev.latchkey.domain.apikey.RollApiKey;
import dev.latchkey.http.apikey.ApiKeyResource;
import dev.latchkey.http.apikey.RetiredApiKeyResource;
import io.dropwizard.core.setup.Environment;

/** Latchkey's own API keys: verified, issued, listed, revoked and rolled; or, with WorkOS as their authority, retired. */
final class ApiKeysFeature {
    final LastUsedRecorder lastUsed;
    final ApiKeyVerifier verifier;
    final IssueApiKey issue;
    final ListApiKeys list;
    final RevokeApiKey revoke;
    final RollApiKey roll;
    private final Foundations base;

    ApiKeysFeature(Foundations base) {
        this.base = base;
        ApiKeysConfiguration keys = base.configuration.getApiKeys();
        this.lastUsed = new LastUsedRecorder(
                base.stores.apiKeys(), keys.getLastUsedGranularity().toJavaDuration());
        this.verifier = new ApiKeyVerifier(
                base.stores.apiKeys(),
                base.stores.workspaces(),
                base.hasher,
                base.apiKeyVerifications,
                lastUsed,
                base.clock,
                keys.getRevalidateAfter().toJavaDuration(),
                base.caches);
        this.issue = new IssueApiKey(base.stores.apiKeys(), base.hasher, base.ids, base.random, base.clock, base.audit);
        this.list = new ListApiKeys(base.stores.apiKeys());
        this.revoke = new RevokeApiKey(base.stores.apiKeys(), base.events, base.clock, base.audit);
        this.roll = new RollApiKey(base.stores.apiKeys(), issue, base.events, base.clock, base.audit);
    }

    /** Whether Latchkey verifies its own keys (else WorkOS is their authority). */
    boolean isLocal() {
        return base.configuration.getApiKeys().getAuthority() == ApiKeysConfiguration.Authority.LOCAL;
    }

    void register(Environment environment) {
        if (isLocal()) {
            environment.jersey().register(new ApiKeyResource(issue, list, revoke, roll, base.clock));
        } else {
            environment.jersey().register(new RetiredApiKeyResource());
        }
        environment
                .lifecycle()
                .manage(new LastUsedFlusher(
                        lastUsed,
                        base.configuration
                                .getApiKeys()
                                .getLastUsedFlushInterval()
                                .toJavaDuration(),
                        environment
                                .lifecycle()
                                .scheduledExecutorService("last-used-flush", true)
                                .build()));
    }
}
