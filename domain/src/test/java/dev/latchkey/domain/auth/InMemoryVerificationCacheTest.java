package dev.latchkey.domain.auth;

import dev.latchkey.domain.testing.InMemoryVerificationCache;
import dev.latchkey.domain.testing.contract.VerificationCacheContract;

/** The contract on the domain's in-memory twin (the Caffeine cache runs it in adapters-cache). */
class InMemoryVerificationCacheTest extends VerificationCacheContract {
    @Override
    protected VerificationCache newCache(int maxEntries) {
        return new InMemoryVerificationCache(maxEntries);
    }
}
