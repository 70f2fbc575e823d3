package dev.latchkey.cache;

import dev.latchkey.domain.auth.VerificationCache;
import dev.latchkey.domain.testing.contract.VerificationCacheContract;

/** The same contract the domain's in-memory twin passes, on the cache production runs. */
class CaffeineVerificationCacheTest extends VerificationCacheContract {
    @Override
    protected VerificationCache newCache(int maxEntries) {
        return new CaffeineVerificationCache(maxEntries);
    }
}
