package dev.latchkey.crypto;

/**
 * argon2id cost. The defaults are OWASP's first recommended setting (19 MiB, 2 passes, 1 lane),
 * about 35 ms of CPU per hash here; each stored hash records the parameters it was made with.
 */
public record Argon2Parameters(int memoryKib, int iterations, int parallelism) {
    public static final Argon2Parameters OWASP = new Argon2Parameters(19_456, 2, 1);

    public Argon2Parameters {
        if (memoryKib < 8 * parallelism || iterations < 1 || parallelism < 1) {
            throw new IllegalArgumentException("argon2id needs memoryKib >= 8 * parallelism, iterations >= 1, "
                    + "parallelism >= 1; got " + memoryKib + ", " + iterations + ", " + parallelism);
        }
    }
}
