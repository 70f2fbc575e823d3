package dev.latchkey.app;

import io.dropwizard.lifecycle.Managed;
import io.dropwizard.lifecycle.setup.LifecycleEnvironment;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Work on a timer, a Dropwizard managed executor: deleting records nobody needs any more (never-used
 * OAuth clients, dead codes and tokens, expired handed-off authorization requests, expired workload
 * token records, revoked-token records past their token's expiry, old webhook deliveries), and
 * attempting due webhook deliveries. Each task returns how
 * many records it handled; a failing one is retried next time.
 */
final class Housekeeping implements Managed {
    private static final Logger LOG = LoggerFactory.getLogger(Housekeeping.class);

    private final String what;
    private final String verb;
    private final List<IntSupplier> tasks;
    private final Duration interval;
    private final ScheduledExecutorService timer;

    Housekeeping(String what, List<IntSupplier> tasks, Duration interval, ScheduledExecutorService timer) {
        this("deleted", what, tasks, interval, timer);
    }

    /** @param verb what was done to the records, for the log line ("attempted 3 webhook deliveries") */
    Housekeeping(String verb, String what, List<IntSupplier> tasks, Duration interval, ScheduledExecutorService timer) {
        this.verb = verb;
        this.what = what;
        this.tasks = List.copyOf(tasks);
        this.interval = interval;
        this.timer = timer;
    }

    /** Deletes what {@code tasks} delete every {@code interval}, on a timer thread of its own, as long as the service runs. */
    static void every(
            Duration interval, String what, List<IntSupplier> tasks, LifecycleEnvironment lifecycle, String thread) {
        lifecycle.manage(new Housekeeping(
                what,
                tasks,
                interval,
                lifecycle.scheduledExecutorService(thread, true).build()));
    }

    @Override
    public void start() {
        timer.scheduleWithFixedDelay(this::runQuietly, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void runQuietly() {
        int done = 0;
        for (IntSupplier task : tasks) {
            try {
                done += task.getAsInt();
            } catch (RuntimeException e) {
                LOG.warn("work on {} failed, retrying next time: {}", what, e.getMessage());
            }
        }
        if (done > 0) {
            LOG.info("{} {} {}", verb, done, what);
        }
    }
}
