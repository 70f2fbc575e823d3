package dev.latchkey.app;

import com.codahale.metrics.health.HealthCheck;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;

/** Red while the breaker in front of an identity provider is open: callers are getting 503s. */
final class CircuitBreakerHealthCheck extends HealthCheck {
    private final CircuitBreaker breaker;

    CircuitBreakerHealthCheck(CircuitBreaker breaker) {
        this.breaker = breaker;
    }

    @Override
    protected Result check() {
        CircuitBreaker.State state = breaker.getState();
        String detail = state + ", failure rate " + breaker.getMetrics().getFailureRate() + "%";
        return state == CircuitBreaker.State.OPEN || state == CircuitBreaker.State.FORCED_OPEN
                ? Result.unhealthy(detail)
                : Result.healthy(detail);
    }
}
