package dev.latchkey.identity;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;

/**
 * GETs from one identity provider through resilience4j: retry (outermost, transient faults only,
 * jittered) → circuit breaker → bulkhead → time limit → the JDK HTTP client. Every failure comes out
 * as {@link ProviderUnavailable}, which callers turn into 503, never 401.
 */
final class ResilientHttp {

    /** A 5xx or other unusable answer: counts against the breaker and may be retried. */
    static final class BadResponse extends IOException {
        private static final long serialVersionUID = 1L;

        BadResponse(String message) {
            super(message);
        }
    }

    private final HttpClient client;
    private final TimeLimiter timeLimiter;
    private final CircuitBreaker breaker;
    private final Bulkhead bulkhead;
    private final Retry retry;

    ResilientHttp(String name, HttpClient client, OutboundCallSettings settings, CircuitBreakerRegistry breakers) {
        this.client = client;
        this.timeLimiter = TimeLimiter.of(name, TimeLimiterConfig.custom()
                .timeoutDuration(settings.timeout()).cancelRunningFuture(true).build());
        this.breaker = breakers.circuitBreaker(name, CircuitBreakerConfig.custom()
                .failureRateThreshold(settings.failureRateThreshold())
                .minimumNumberOfCalls(settings.minimumCalls())
                .slidingWindowSize(Math.max(settings.minimumCalls(), 10))
                .waitDurationInOpenState(settings.openFor())
                .permittedNumberOfCallsInHalfOpenState(1)
                .build());
        this.bulkhead = Bulkhead.of(name, BulkheadConfig.custom()
                .maxConcurrentCalls(settings.maxConcurrentCalls())
                .maxWaitDuration(settings.timeout())
                .build());
        this.retry = Retry.of(name, RetryConfig.custom()
                .maxAttempts(settings.maxAttempts())
                .intervalFunction(IntervalFunction.ofRandomized(settings.retryBackoff().toMillis(), 0.5))
                .retryExceptions(IOException.class, TimeoutException.class)
                .build());
    }

    CircuitBreaker breaker() {
        return breaker;
    }

    /** An answer the caller must interpret (any status but 429 and 5xx, which are failures). */
    record Answer(int status, String body) {
    }

    /** The body of a 200 answer to a GET. */
    String get(URI uri) {
        Answer answer = send(HttpRequest.newBuilder(uri).GET().header("Accept", "application/json"));
        if (answer.status() != 200) {
            throw new ProviderUnavailable("HTTP " + answer.status() + " from " + uri.getHost(), null);
        }
        return answer.body();
    }

    /** Sends through every guard; the request's own time limit is set here. */
    Answer send(HttpRequest.Builder builder) {
        HttpRequest request = builder.timeout(timeLimiter.getTimeLimiterConfig().getTimeoutDuration()).build();
        Callable<Answer> attempt = () -> timeLimiter.executeFutureSupplier(() -> sendOnce(request));
        Callable<Answer> guarded = Retry.decorateCallable(retry,
                CircuitBreaker.decorateCallable(breaker, Bulkhead.decorateCallable(bulkhead, attempt)));
        try {
            return guarded.call();
        } catch (Exception e) {
            throw new ProviderUnavailable(request.uri().getHost() + " did not answer usably: "
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage()), e);
        }
    }

    private CompletableFuture<Answer> sendOnce(HttpRequest request) {
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenApply(response -> {
            if (response.statusCode() == 429 || response.statusCode() >= 500) {
                throw new java.util.concurrent.CompletionException(
                        new BadResponse("HTTP " + response.statusCode() + " from " + request.uri().getHost()));
            }
            return new Answer(response.statusCode(), response.body());
        });
    }
}
