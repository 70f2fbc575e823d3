package dev.latchkey.app;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.LayoutBase;
import com.fasterxml.jackson.annotation.JsonTypeName;
import io.dropwizard.logging.common.DropwizardLayout;
import io.dropwizard.logging.common.layout.DiscoverableLayoutFactory;
import java.util.TimeZone;

/**
 * {@code layout: {type: latchkey-text}}: Dropwizard's usual one-line text format, named so that
 * {@code type: latchkey-${LATCHKEY_LOG_FORMAT:-text}} can switch between it and {@link JsonLayoutFactory} from the environment;
 * with every credential masked ({@link CredentialMasking}), whatever the logger and the level.
 */
@JsonTypeName("latchkey-text")
public final class TextLayoutFactory implements DiscoverableLayoutFactory<ILoggingEvent> {
    @Override
    public LayoutBase<ILoggingEvent> build(LoggerContext context, TimeZone timeZone) {
        DropwizardLayout layout = new DropwizardLayout(context, timeZone);
        CredentialMasking masked = new CredentialMasking(layout);
        masked.setContext(context);
        return masked;
    }
}
