package dev.latchkey.domain.common;

import java.security.SecureRandom;

/** Ids of the form {@code <prefix>_<20 base62 characters>} (~119 bits), from a CSPRNG. */
public final class RandomIdGenerator implements IdGenerator {
    private final SecureRandom random;

    public RandomIdGenerator(SecureRandom random) {
        this.random = random;
    }

    @Override
    public String newId(String prefix) {
        return prefix + "_" + Base62.random(random, 20);
    }
}
