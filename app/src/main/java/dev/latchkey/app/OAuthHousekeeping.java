package dev.latchkey.app;

import dev.latchkey.domain.oauth.ExpireOAuthRecords;
import io.dropwizard.lifecycle.Managed;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes never-used OAuth clients, dead codes and tokens, and expired handed-off authorization
 * requests on a timer (a Dropwizard managed executor).
 */
final class OAuthHousekeeping implements Managed {
    private static final Logger LOG = LoggerFactory.getLogger(OAuthHousekeeping.class);

    private final ExpireOAuthRecords expire;
    private final java.util.Optional<dev.latchkey.domain.oauth.handoff.HandOffAuthorization> handoff;
    private final Duration interval;
    private final ScheduledExecutorService timer;

    OAuthHousekeeping(
            ExpireOAuthRecords expire,
            java.util.Optional<dev.latchkey.domain.oauth.handoff.HandOffAuthorization> handoff,
            Duration interval,
            ScheduledExecutorService timer) {
        this.expire = expire;
        this.handoff = handoff;
        this.interval = interval;
        this.timer = timer;
    }

    @Override
    public void start() {
        timer.scheduleWithFixedDelay(this::runQuietly, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void runQuietly() {
        try {
            int deleted = expire.run()
                    + handoff.map(dev.latchkey.domain.oauth.handoff.HandOffAuthorization::forgetExpired)
                            .orElse(0);
            if (deleted > 0) {
                LOG.info("deleted {} expired OAuth records", deleted);
            }
        } catch (RuntimeException e) {
            LOG.warn("OAuth housekeeping failed, retrying next time: {}", e.getMessage());
        }
    }
}
