package aom.migration.ui;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.SimpleFormatter;

/**
 * Sends JavaFX's own log (java.util.logging, logger {@code javafx}) to the tool's log file instead of the terminal.
 * JavaFX warns at every start of the fat jar that it was "loaded from the unnamed module" (so it is, by design: the
 * jar carries JavaFX on its class path), which says nothing to a user; its warnings land in the log file at INFO,
 * its severe errors stay errors.
 */
final class JavaFxLogging {

    private static final Logger LOG = LoggerFactory.getLogger("javafx");
    /** Held here: java.util.logging keeps its loggers only weakly, and a collected one forgets its handler. */
    private static final java.util.logging.Logger JAVAFX = java.util.logging.Logger.getLogger("javafx");
    private static final SimpleFormatter MESSAGES = new SimpleFormatter();

    private JavaFxLogging() {
    }

    /** From now on, JavaFX's log goes to the log file. Call before the toolkit starts. */
    static void toLogFile() {
        JAVAFX.setUseParentHandlers(false);
        JAVAFX.addHandler(new Handler() {
            @Override
            public void publish(LogRecord record) {
                String message = MESSAGES.formatMessage(record);
                if (record.getLevel().intValue() >= Level.SEVERE.intValue()) {
                    LOG.error("{}", message, record.getThrown());
                } else {
                    LOG.info("{}", message, record.getThrown());
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        });
    }
}
