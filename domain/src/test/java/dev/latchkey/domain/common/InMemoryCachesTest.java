package dev.latchkey.domain.common;

import dev.latchkey.domain.testing.InMemoryCaches;
import dev.latchkey.domain.testing.contract.CachesContract;

class InMemoryCachesTest extends CachesContract {
    @Override
    protected Caches caches() {
        return new InMemoryCaches();
    }
}
