package dev.latchkey.app;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Requests sent without pause by a few threads while a test breaks something underneath, so that a
 * fault lands on requests in flight. {@link #next()} closes one phase (before, during, after the
 * fault) and returns what each kind of request got in it: statuses, and the slowest answer.
 */
final class SteadyLoad implements AutoCloseable {
    /** A request that never gets an answer within this counts as {@link #NO_ANSWER}. */
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(20);
    /** The status recorded for a request that failed at the socket or timed out. */
    static final int NO_ANSWER = -1;

    /** One kind of request in the mix: a label for the tally, a path and the header that authenticates it. */
    record Kind(String label, String path, String header, String value) {
        static Kind bearer(String label, String path, String credential) {
            return new Kind(label, path, "Authorization", "Bearer " + credential);
        }

        HttpRequest build(int port) {
            return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(REQUEST_TIMEOUT)
                    .header(header, value)
                    .GET()
                    .build();
        }
    }

    /** What one kind of request got during one phase. */
    record Outcome(Map<Integer, Integer> statuses, Duration slowest) {
        int total() {
            return statuses.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    /** One phase's outcomes, by kind label. */
    static final class Tally {
        private final Map<String, Map<Integer, Integer>> statuses = new LinkedHashMap<>();
        private final Map<String, Duration> slowest = new LinkedHashMap<>();

        synchronized void record(String label, int status, Duration elapsed) {
            statuses.computeIfAbsent(label, l -> new TreeMap<>()).merge(status, 1, Integer::sum);
            slowest.merge(label, elapsed, (a, b) -> a.compareTo(b) >= 0 ? a : b);
        }

        /** Adds another load's phase, so that loads started at different times are read together. */
        void merge(Tally other) {
            Map<String, Map<Integer, Integer>> theirStatuses;
            Map<String, Duration> theirSlowest;
            synchronized (other) {
                theirStatuses = new LinkedHashMap<>(other.statuses);
                theirSlowest = new LinkedHashMap<>(other.slowest);
            }
            synchronized (this) {
                theirStatuses.forEach((label, counts) -> counts.forEach((status, count) ->
                        statuses.computeIfAbsent(label, l -> new TreeMap<>()).merge(status, count, Integer::sum)));
                theirSlowest.forEach(
                        (label, time) -> slowest.merge(label, time, (a, b) -> a.compareTo(b) >= 0 ? a : b));
            }
        }

        synchronized Outcome of(String label) {
            return new Outcome(
                    Map.copyOf(statuses.getOrDefault(label, Map.of())), slowest.getOrDefault(label, Duration.ZERO));
        }

        @Override
        public synchronized String toString() {
            return statuses + " slowest " + slowest;
        }
    }

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final AtomicReference<Tally> current = new AtomicReference<>(new Tally());
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final List<Thread> threads = new ArrayList<>();

    /** Starts {@code threadsPerKind} threads for each kind, against the instance on {@code port}. */
    SteadyLoad(int port, int threadsPerKind, Kind... kinds) {
        for (Kind kind : kinds) {
            HttpRequest request = kind.build(port);
            for (int i = 0; i < threadsPerKind; i++) {
                Thread thread = new Thread(() -> send(kind.label(), request), "steady-load-" + kind.label() + "-" + i);
                thread.setDaemon(true);
                threads.add(thread);
                thread.start();
            }
        }
    }

    private void send(String label, HttpRequest request) {
        while (running.get()) {
            long start = System.nanoTime();
            int status;
            try {
                status = client.send(request, HttpResponse.BodyHandlers.discarding())
                        .statusCode();
            } catch (IOException e) {
                status = NO_ANSWER;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            current.get().record(label, status, Duration.ofNanos(System.nanoTime() - start));
        }
    }

    /** Ends the current phase and starts the next; requests in flight count in the phase they end in. */
    Tally next() {
        return current.getAndSet(new Tally());
    }

    /** Lets the load run for a while, then ends the phase. */
    Tally run(Duration duration) throws InterruptedException {
        Thread.sleep(duration.toMillis());
        return next();
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        for (Thread thread : threads) {
            thread.join(REQUEST_TIMEOUT.toMillis() + 1_000);
        }
    }
}
