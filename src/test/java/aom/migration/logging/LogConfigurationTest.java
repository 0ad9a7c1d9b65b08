package aom.migration.logging;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class LogConfigurationTest {

    @TempDir
    Path home;

    private final Map<String, String> savedProperties = new HashMap<>();
    private final PrintStream savedErr = System.err;
    private LoggerContext context;

    @AfterEach
    void restore() {
        System.setErr(savedErr);
        savedProperties.forEach((key, value) -> {
            if (value == null) {
                System.clearProperty(key);
            } else {
                System.setProperty(key, value);
            }
        });
        if (context != null) {
            context.stop();
        }
    }

    @Test
    void theFileGetsInfoAndAboveWithTimeLevelThreadAndLoggerRedacted() throws Exception {
        property("aom.home", home.toString());
        ByteArrayOutputStream console = captureStandardError();
        Logger log = configure().getLogger("some.library");
        log.debug("debug line");
        log.info("connecting to mongodb://admin:Very-Secret-1@db1:27017/");
        log.warn("it failed", new IllegalStateException("cannot reach mongodb://admin:Very-Secret-2@db2/"));
        context.getLogger("org.mongodb.driver.cluster").info("driver chatter");
        context.getLogger("de.bwaldvogel.mongo.backend").warn("pretend index");
        context.stop();

        String file = Files.readString(home.resolve("logs").resolve("migration.log"), StandardCharsets.UTF_8);
        assertThat(file).containsPattern("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3} INFO  \\[main\\] "
                + "some\\.library - connecting to mongodb://admin:\\*\\*\\*\\*\\*@db1:27017/");
        assertThat(file).contains("WARN  [main] some.library - it failed");
        assertThat(file).contains("cannot reach mongodb://admin:*****@db2/");
        assertThat(file).doesNotContain("Very-Secret", "debug line", "driver chatter", "pretend index");

        // The console shows warnings only, without time or logger, and a short stack trace.
        String err = console.toString(StandardCharsets.UTF_8);
        assertThat(err).contains("WARN  it failed").doesNotContain("connecting to", "Very-Secret", "some.library");
        assertThat(err.lines().filter(line -> line.startsWith("\tat ")).count()).isBetween(1L, 3L);
    }

    @Test
    void theConsoleLevelCanBeLowered() {
        property("aom.home", home.toString());
        property("aom.console.level", "INFO");
        ByteArrayOutputStream console = captureStandardError();
        configure().getLogger("some.library").info("progress of mongodb://u:pw@h/");
        assertThat(console.toString(StandardCharsets.UTF_8)).contains("INFO  progress of mongodb://u:*****@h/");
    }

    @Test
    void aConfigurationFileNamedOnTheCommandLineIsLeftToLogback() {
        property("logback.configurationFile", home.resolve("mine.xml").toString());
        context = new LoggerContext();
        LogConfiguration configuration = new LogConfiguration();
        configuration.setContext(context);
        assertThat(configuration.configure(context)).isEqualTo(Configurator.ExecutionStatus.INVOKE_NEXT_IF_ANY);
        assertThat(context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).iteratorForAppenders().hasNext()).isFalse();
    }

    private LoggerContext configure() {
        context = new LoggerContext();
        context.setMDCAdapter(new LogbackMDCAdapter());
        LogConfiguration configuration = new LogConfiguration();
        configuration.setContext(context);
        assertThat(configuration.configure(context)).isEqualTo(Configurator.ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY);
        return context;
    }

    private ByteArrayOutputStream captureStandardError() {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        return captured;
    }

    private void property(String key, String value) {
        savedProperties.putIfAbsent(key, System.getProperty(key));
        System.setProperty(key, value);
    }
}
