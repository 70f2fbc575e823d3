package dev.latchkey.app;

import dev.latchkey.app.config.LatchkeyConfiguration;
import dev.latchkey.cache.CaffeineCaches;
import dev.latchkey.domain.audit.AuditTrail;
import dev.latchkey.domain.auth.FailedAttemptLimiter;
import dev.latchkey.domain.auth.VerificationCache;
import dev.latchkey.domain.auth.events.CredentialEvents;
import dev.latchkey.domain.auth.events.ForgetStaleVerifications;
import dev.latchkey.domain.auth.events.InProcessCredentialEvents;
import dev.latchkey.domain.common.IdGenerator;
import dev.latchkey.domain.common.RandomIdGenerator;
import dev.latchkey.domain.common.SecretHasher;
import dev.latchkey.domain.membership.RoleScopes;
import dev.latchkey.persistence.JdbiStores;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

/**
 * What every feature is built on: the configuration, the stores, time, identifiers, the audit
 * trail, the caches (the three verification caches among them) and the credential events that make
 * them forget, in this instance and — through Redis, when configured — in every other.
 */
final class Foundations {
    final LatchkeyConfiguration configuration;
    final JdbiStores stores;
    final SecretHasher hasher;
    final Clock clock;
    final SecureRandom random = new SecureRandom();
    final IdGenerator ids = new RandomIdGenerator(random);
    final AuditTrail audit;
    final RoleScopes roleScopes;
    final CaffeineCaches caches;
    final VerificationCache apiKeyVerifications;
    final VerificationCache tokenVerifications;
    final VerificationCache providerValidations;
    final CredentialEvents events;
    /** What this process hears, from its own use cases and — through Redis — from the others. */
    final InProcessCredentialEvents heard;

    Foundations(
            LatchkeyConfiguration configuration,
            JdbiStores stores,
            SecretHasher hasher,
            Clock clock,
            CaffeineCaches caches,
            Function<InProcessCredentialEvents, CredentialEvents> share) {
        this.configuration = configuration;
        this.stores = stores;
        this.hasher = hasher;
        this.clock = clock;
        this.caches = caches;
        this.audit = new AuditTrail(stores.auditLog(), ids, clock);
        this.roleScopes = configuration.getRoleScopes();
        int maxEntries = configuration.getApiKeys().getCacheMaxEntries();
        this.apiKeyVerifications = caches.verifications("api_keys", maxEntries);
        this.tokenVerifications = caches.verifications("tokens", maxEntries);
        this.providerValidations = caches.verifications("provider_validations", maxEntries);
        // Use cases tell what changed; the caches forget what it made stale (one place knows what).
        this.heard = new InProcessCredentialEvents();
        heard.subscribe(
                new ForgetStaleVerifications(List.of(apiKeyVerifications, tokenVerifications, providerValidations)));
        // Shared with the other instances when they have a channel (Redis), else this process's alone.
        this.events = share.apply(heard);
    }

    /** A failure or request budget of {@code maxFailures} per {@code window}, counted in a bounded cache. */
    FailedAttemptLimiter budget(int maxFailures, Duration window, String name) {
        return new FailedAttemptLimiter(maxFailures, window, clock, caches, name);
    }
}
