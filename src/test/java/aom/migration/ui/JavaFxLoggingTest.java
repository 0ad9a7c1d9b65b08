package aom.migration.ui;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;

import static org.assertj.core.api.Assertions.assertThat;

/** JavaFX's start-up warning ("Unsupported JavaFX configuration") goes to the log file, not the terminal. */
class JavaFxLoggingTest {

    @Test
    void javaFxWarningsGoToTheLogFileAtInfoAndNotToTheConsole() {
        List<LogRecord> console = new ArrayList<>();
        Handler consoleStandIn = new Handler() {
            @Override
            public void publish(LogRecord record) {
                console.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        java.util.logging.Logger root = java.util.logging.Logger.getLogger("");
        root.addHandler(consoleStandIn);
        Logger log = (Logger) LoggerFactory.getLogger("javafx");
        ListAppender<ILoggingEvent> file = new ListAppender<>();
        file.start();
        log.addAppender(file);
        try {
            JavaFxLogging.toLogFile();

            java.util.logging.Logger.getLogger("javafx").warning("Unsupported JavaFX configuration: classes were"
                    + " loaded from 'unnamed module @69eee410'");

            assertThat(console).as("what reached java.util.logging's console").isEmpty();
            assertThat(file.list).singleElement().satisfies(event -> {
                assertThat(event.getLevel()).isEqualTo(Level.INFO);
                assertThat(event.getFormattedMessage()).startsWith("Unsupported JavaFX configuration");
            });
        } finally {
            root.removeHandler(consoleStandIn);
            log.detachAppender(file);
        }
    }
}
