package dev.latchkey.outbound;

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
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * GETs from one identity provider through resilience4j: retry (outermost, transient faults only,
 * jittered) → circuit breaker → bulkhead → time limit → the JDK HTTP client. Every failure comes out
 * as {@link ProviderUnavailable}, which callers turn into 503, never 401.
 */
public final class ResilientHttp {

    /** A 429 or 5xx answer: counts against the breaker and may be retried. */
    static final class BadResponse extends IOException {
        private static final long serialVersionUID = 1L;
        private final transient Optional<Duration> retryAfter;

        BadResponse(String message, Optional<Duration> retryAfter) {
            super(message);
            this.retryAfter = retryAfter;
        }

        Optional<Duration> retryAfter() {
            return retryAfter;
        }
    }

    /** The longest Retry-After worth waiting for on a caller's request; longer ones fail at once. */
    private static final Duration MAX_HONOURED_RETRY_AFTER = Duration.ofSeconds(1);

    private final Supplier<HttpClient> client;
    private final TimeLimiter timeLimiter;
    private final CircuitBreaker breaker;
    private final Bulkhead bulkhead;
    private final Retry retry;

    public ResilientHttp(
            String name, Supplier<HttpClient> client, OutboundCallSettings settings, CircuitBreakerRegistry breakers) {
        this.client = client;
        this.timeLimiter = TimeLimiter.of(
                name,
                TimeLimiterConfig.custom()
                        .timeoutDuration(settings.timeout())
                        .cancelRunningFuture(true)
                        .build());
        this.breaker = breakers.circuitBreaker(
                name,
                CircuitBreakerConfig.custom()
                        .failureRateThreshold(settings.failureRateThreshold())
                        .minimumNumberOfCalls(settings.minimumCalls())
                        .slidingWindowSize(Math.max(settings.minimumCalls(), 10))
                        .waitDurationInOpenState(settings.openFor())
                        .permittedNumberOfCallsInHalfOpenState(1)
                        .build());
        this.bulkhead = Bulkhead.of(
                name,
                BulkheadConfig.custom()
                        .maxConcurrentCalls(settings.maxConcurrentCalls())
                        .maxWaitDuration(settings.timeout())
                        .build());
        IntervalFunction jitter =
                IntervalFunction.ofRandomized(settings.retryBackoff().toMillis(), 0.5);
        this.retry = Retry.of(
                name,
                RetryConfig.<Answer>custom()
                        .maxAttempts(settings.maxAttempts())
                        // Honour a short Retry-After exactly; a long one is not worth a waiting caller's time.
                        .intervalBiFunction(
                                (attempt, outcome) -> Optional.ofNullable(outcome.isLeft() ? outcome.getLeft() : null)
                                        .filter(BadResponse.class::isInstance)
                                        .flatMap(e -> ((BadResponse) e).retryAfter())
                                        .map(Duration::toMillis)
                                        .orElseGet(() -> jitter.apply(attempt)))
                        .retryOnException(e -> (e instanceof IOException || e instanceof TimeoutException)
                                && !(e instanceof BadResponse bad
                                        && bad.retryAfter()
                                                .filter(after -> after.compareTo(MAX_HONOURED_RETRY_AFTER) > 0)
                                                .isPresent()))
                        .build());
    }

    /** An answer the caller must interpret (any status but 429 and 5xx, which are failures). */
    public record Answer(int status, String body) {}

    /** The body of a 200 answer to a GET. */
    public String get(URI uri) {
        Answer answer = send(HttpRequest.newBuilder(uri).GET().header("Accept", "application/json"));
        if (answer.status() != 200) {
            throw new ProviderUnavailable("HTTP " + answer.status() + " from " + uri.getHost(), null);
        }
        return answer.body();
    }

    /** Sends through every guard; the request's own time limit is set here. */
    public Answer send(HttpRequest.Builder builder) {
        HttpRequest request = builder.timeout(timeLimiter.getTimeLimiterConfig().getTimeoutDuration())
                .build();
        Callable<Answer> attempt = () -> timeLimiter.executeFutureSupplier(() -> sendOnce(request));
        Callable<Answer> guarded = Retry.decorateCallable(
                retry, CircuitBreaker.decorateCallable(breaker, Bulkhead.decorateCallable(bulkhead, attempt)));
        try {
            return guarded.call();
        } catch (Exception e) {
            throw new ProviderUnavailable(
                    request.uri().getHost() + " did not answer usably: "
                            + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage()),
                    e);
        }
    }

    private static String requestId(HttpResponse<?> response) {
        return response.headers()
                .firstValue("X-Request-ID")
                .map(id -> " (request " + id + ")")
                .orElse("");
    }

    /** Retry-After in seconds or as an HTTP date (RFC 9110 §10.2.3). */
    static Optional<Duration> retryAfter(Optional<String> header) {
        return header.map(String::strip).flatMap(value -> {
            try {
                return Optional.of(Duration.ofSeconds(Long.parseLong(value)));
            } catch (NumberFormatException notSeconds) {
                try {
                    Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME)
                            .toInstant();
                    return Optional.of(Duration.between(Instant.now(), at)).filter(d -> !d.isNegative());
                } catch (DateTimeParseException neither) {
                    return Optional.empty();
                }
            }
        });
    }

    private CompletableFuture<Answer> sendOnce(HttpRequest request) {
        return client.get()
                .sendAsync(request, HttpResponse.BodyHandlers.ofString())
                .thenApply(response -> {
                    if (response.statusCode() == 429 || response.statusCode() >= 500) {
                        throw new java.util.concurrent.CompletionException(new BadResponse(
                                "HTTP " + response.statusCode() + " from "
                                        + request.uri().getHost() + requestId(response),
                                retryAfter(response.headers().firstValue("Retry-After"))));
                    }
                    return new Answer(response.statusCode(), response.body());
                });
    }
}
