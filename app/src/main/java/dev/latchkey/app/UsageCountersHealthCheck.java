package dev.latchkey.app;

import com.codahale.metrics.health.HealthCheck;
import dev.latchkey.redis.RedisUsageCounters;

/**
 * Unhealthy while the shared Redis counters cannot be reached. Decisions go on meanwhile, each
 * instance enforcing the budget on its own, so this is a warning for operators, not a reason to
 * take the instance out of rotation.
 */
final class UsageCountersHealthCheck extends HealthCheck {
    private final RedisUsageCounters redis;

    UsageCountersHealthCheck(RedisUsageCounters redis) {
        this.redis = redis;
    }

    @Override
    protected Result check() {
        return redis.ping()
                ? Result.healthy("shared budget in Redis")
                : Result.unhealthy("Redis unreachable: rate limits and usage caps enforced per instance");
    }
}
