package aom.migration.logging;

import aom.migration.mongo.UriRedaction;
import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/** Logback's {@code %ex} with every MongoDB password masked: exception messages often quote connection strings. */
public class RedactingThrowableConverter extends ThrowableProxyConverter {

    @Override
    public String convert(ILoggingEvent event) {
        return UriRedaction.redact(super.convert(event));
    }
}
