package aom.migration.mongo;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import com.mongodb.ConnectionString;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Parses a connection string with the driver and tells which of its options the driver ignored. The driver parses
 * an option it does not know ({@code ?foo=1}) or a value it cannot read ({@code ?tls=maybe}) by logging a warning
 * and going on without it, so a connection would silently differ from what the user wrote (no TLS, say). The
 * driver's own judgement is the one that counts, so its warnings are caught while it parses, on this thread only.
 *
 * <p>Its other warnings (deprecated spellings that still work) are logged again under this class's logger.
 */
final class IgnoredUriOptions {

    private static final org.slf4j.Logger LOG = LoggerFactory.getLogger(IgnoredUriOptions.class);
    /** The driver's logger for connection strings ({@code Loggers.getLogger("uri")}). */
    private static final String DRIVER_LOGGER = "org.mongodb.driver.uri";
    private static final ThreadLocal<List<String>> CAUGHT = new ThreadLocal<>();
    private static boolean installed;

    private IgnoredUriOptions() {
    }

    /** The driver's parse of {@code uri}, and the warnings about options it ignored. */
    record Parsed(ConnectionString connectionString, List<String> ignored) {
    }

    /**
     * Parses {@code uri}; pass it only a string whose credentials are stand-ins, as the warnings may quote it.
     *
     * @param handledHere options (lower case) that this tool reads itself, such as {@code tlscafile}, which the driver
     *                    need not know
     *
     * @throws IllegalArgumentException as the driver does for a malformed string
     */
    static Parsed parse(String uri, Set<String> handledHere) {
        install();
        List<String> warnings = new ArrayList<>();
        CAUGHT.set(warnings);
        ConnectionString parsed;
        try {
            parsed = new ConnectionString(uri);
        } finally {
            CAUGHT.remove();
        }
        List<String> ignored = new ArrayList<>();
        for (String warning : warnings) {
            String lower = warning.toLowerCase(Locale.ROOT);
            boolean handled = handledHere.stream().anyMatch(key -> lower.contains("unsupported option '" + key + "'"));
            if (handled) {
                continue;
            }
            if (lower.contains("unsupported option") || lower.startsWith("ignoring")) {
                ignored.add(warning);
            } else {
                LOG.warn("{}", warning);
            }
        }
        return new Parsed(parsed, ignored);
    }

    private static synchronized void install() {
        if (installed) {
            return;
        }
        installed = true;
        if (!(LoggerFactory.getLogger(DRIVER_LOGGER) instanceof Logger driver)) {
            // Another logging backend: the warnings go where it sends them, unchecked.
            return;
        }
        AppenderBase<ILoggingEvent> catcher = new AppenderBase<>() {
            @Override
            protected void append(ILoggingEvent event) {
                List<String> caught = CAUGHT.get();
                if (caught != null) {
                    caught.add(event.getFormattedMessage());
                }
            }
        };
        catcher.setContext(driver.getLoggerContext());
        catcher.setName("aom-uri-warnings");
        catcher.start();
        driver.setLevel(ch.qos.logback.classic.Level.WARN);
        // The warnings become errors or are logged again above; the driver's own line would only repeat them.
        driver.setAdditive(false);
        driver.addAppender(catcher);
    }
}
