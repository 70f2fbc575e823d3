package dev.latchkey.app;

import dev.latchkey.domain.apikey.LastUsedRecorder;
import io.dropwizard.lifecycle.Managed;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Writes batched {@code last_used_at} updates on a timer, and once more at shutdown. */
final class LastUsedFlusher implements Managed {
    private static final Logger LOG = LoggerFactory.getLogger(LastUsedFlusher.class);

    private final LastUsedRecorder recorder;
    private final Duration interval;
    private ScheduledExecutorService executor;

    LastUsedFlusher(LastUsedRecorder recorder, Duration interval) {
        this.recorder = recorder;
        this.interval = interval;
    }

    @Override
    public void start() {
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "last-used-flush");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::flushQuietly, interval.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() throws InterruptedException {
        executor.shutdown();
        executor.awaitTermination(5, TimeUnit.SECONDS);
        flushQuietly();
    }

    private void flushQuietly() {
        try {
            recorder.flush();
        } catch (RuntimeException e) {
            // Kept in memory by the recorder and retried on the next tick.
            LOG.warn("could not write last_used_at updates: {}", e.getMessage());
        }
    }
}
