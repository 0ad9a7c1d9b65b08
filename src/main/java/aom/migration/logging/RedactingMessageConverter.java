package aom.migration.logging;

import aom.migration.mongo.UriRedaction;
import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/** Logback's {@code %msg} with every MongoDB password masked, whoever logged it (our code or the driver). */
public class RedactingMessageConverter extends MessageConverter {

    @Override
    public String convert(ILoggingEvent event) {
        return UriRedaction.redact(super.convert(event));
    }
}
