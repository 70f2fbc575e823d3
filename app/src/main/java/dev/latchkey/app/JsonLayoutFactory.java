package dev.latchkey.app;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.LayoutBase;
import com.fasterxml.jackson.annotation.JsonTypeName;
import io.dropwizard.logging.json.EventJsonLayoutBaseFactory;
import java.util.TimeZone;

/**
 * {@code layout: {type: latchkey-json}} ({@code LATCHKEY_LOG_FORMAT=json}): Dropwizard's JSON layout, one
 * object per line, with every credential masked ({@link CredentialMasking}) like the text layout.
 */
@JsonTypeName("latchkey-json")
public final class JsonLayoutFactory extends EventJsonLayoutBaseFactory {
    @Override
    public LayoutBase<ILoggingEvent> build(LoggerContext context, TimeZone timeZone) {
        CredentialMasking masked = new CredentialMasking(super.build(context, timeZone));
        masked.setContext(context);
        return masked;
    }
}
