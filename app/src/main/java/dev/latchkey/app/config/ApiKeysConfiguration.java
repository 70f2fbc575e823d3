package dev.latchkey.app.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** {@code apiKeys:} hashing cost and its global bound, the verified-key cache and last-used batching. */
public final class ApiKeysConfiguration {

    /** argon2id cost; OWASP's recommendation by default. */
    public static final class Hashing {
        @Min(8)
        @JsonProperty
        private int memoryKib = 19_456;

        @Min(1)
        @JsonProperty
        private int iterations = 2;

        @Min(1)
        @Max(16)
        @JsonProperty
        private int parallelism = 1;
        /** argon2id computations at once, process-wide (each takes ~19 MiB and ~30 ms of a core). */
        @Min(1)
        @JsonProperty
        private int maxConcurrent = 4;
        /** How long a hash waits for its turn before the request gets 429. */
        @NotNull
        @JsonProperty
        private Duration maxWait = Duration.seconds(2);

        public int getMaxConcurrent() {
            return maxConcurrent;
        }

        public java.time.Duration maxWait() {
            return maxWait.toJavaDuration();
        }

        public int getMemoryKib() {
            return memoryKib;
        }

        public int getIterations() {
            return iterations;
        }

        public int getParallelism() {
            return parallelism;
        }
    }

    /** Who issues and validates machine API keys. */
    public enum Authority {
        LOCAL,
        WORKOS
    }

    /**
     * {@code local}: Latchkey's own {@code sk_live_} keys. {@code workos}: WorkOS API keys in
     * {@code X-API-Key}, and the local key routes answer 410.
     */
    @NotNull
    @JsonProperty
    private Authority authority = Authority.LOCAL;

    @Valid
    @NotNull
    @JsonProperty
    private Hashing hashing = new Hashing();

    /** How many verified keys to remember. */
    @Min(1)
    @JsonProperty
    private int cacheMaxEntries = 100_000;

    /** How long a cached verification is trusted before the row is read again: the bound on how
     *  late another instance notices a revocation. */
    @NotNull
    @JsonProperty
    private Duration revalidateAfter = Duration.seconds(30);

    /** {@code last_used_at} is written at most this often per key. */
    @NotNull
    @JsonProperty
    private Duration lastUsedGranularity = Duration.minutes(1);

    /** How often pending {@code last_used_at} updates are written in one batch. */
    @NotNull
    @JsonProperty
    private Duration lastUsedFlushInterval = Duration.seconds(10);

    public Authority getAuthority() {
        return authority;
    }

    public Hashing getHashing() {
        return hashing;
    }

    public int getCacheMaxEntries() {
        return cacheMaxEntries;
    }

    public Duration getRevalidateAfter() {
        return revalidateAfter;
    }

    public Duration getLastUsedGranularity() {
        return lastUsedGranularity;
    }

    public Duration getLastUsedFlushInterval() {
        return lastUsedFlushInterval;
    }
}
