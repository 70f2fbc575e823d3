package dev.latchkey.app;

import dev.latchkey.domain.apikey.LastUsedRecorder;
import io.dropwizard.lifecycle.Managed;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes batched {@code last_used_at} updates on a timer, and once more at shutdown. The timer is
 * one of Dropwizard's managed executors, registered before this, so it is stopped after the last
 * flush.
 */
final class LastUsedFlusher implements Managed {
    private static final Logger LOG = LoggerFactory.getLogger(LastUsedFlusher.class);

    private final LastUsedRecorder recorder;
    private final Duration interval;
    private final ScheduledExecutorService timer;

    LastUsedFlusher(LastUsedRecorder recorder, Duration interval, ScheduledExecutorService timer) {
        this.recorder = recorder;
        this.interval = interval;
        this.timer = timer;
    }

    @Override
    public void start() {
        timer.scheduleWithFixedDelay(
                this::flushQuietly, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
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
