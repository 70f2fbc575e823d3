package dev.latchkey.app.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.util.Optional;

/**
 * {@code usageCounters:} where rate-limit buckets and usage-cap counts live. In memory by default;
 * with {@code redisUrl} every instance shares one budget per workspace.
 */
public final class UsageCountersConfiguration {

    /** {@code redis://host:port}; empty: each instance counts in its own memory. */
    @NotNull
    @JsonProperty
    private String redisUrl = "";

    /** Prefixes every key, so several deployments can share one Redis. */
    @NotNull
    @JsonProperty
    private String namespace = "latchkey:";

    /** Per command and for connecting: this is on the decision path. */
    @NotNull
    @JsonProperty
    private Duration timeout = Duration.milliseconds(250);

    /** After Redis fails, how long limits are enforced per instance before Redis is tried again. */
    @NotNull
    @JsonProperty
    private Duration retryAfter = Duration.seconds(5);

    /** The Redis host and port, when configured. */
    public Optional<URI> redis() {
        if (redisUrl.isBlank()) {
            return Optional.empty();
        }
        URI uri = URI.create(redisUrl.strip());
        if (!"redis".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException(
                    "usageCounters.redisUrl must look like redis://host:6379, not " + redisUrl);
        }
        return Optional.of(uri);
    }

    public String getNamespace() {
        return namespace;
    }

    public java.time.Duration timeout() {
        return timeout.toJavaDuration();
    }

    public java.time.Duration retryAfter() {
        return retryAfter.toJavaDuration();
    }
}
