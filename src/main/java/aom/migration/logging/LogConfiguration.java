package aom.migration.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.filter.ThresholdFilter;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.pattern.DynamicConverter;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeAndTimeBasedRollingPolicy;
import ch.qos.logback.core.spi.ContextAwareBase;
import ch.qos.logback.core.util.FileSize;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The tool's logging, set up in code: a console that shows warnings and errors (or the level of
 * {@code -Daom.console.level}) on standard error, and a rolling file {@code <home>/logs/migration.log} (20 MB per
 * file, 30 days, 500 MB in all) with everything from INFO on, readable by its user only ({@link PrivateLogFile}).
 * Both patterns use the redacting converters ({@code %rmsg}, {@code %rex}), so no password reaches a log whoever
 * logs it. The driver, the embedded server and
 * Netty log warnings only.
 *
 * <p>Found by logback through {@code META-INF/services}, ahead of its search for {@code logback.xml}: reading the
 * XML configuration took about 350 ms of every start of the tool (XML parser and configuration framework, measured
 * cold on the 2-core build machine), this takes a fraction of that. A {@code logback.xml} named with
 * {@code -Dlogback.configurationFile} is still honoured: this configurator then steps aside.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_HIGH_PRIORITY)
public final class LogConfiguration extends ContextAwareBase implements Configurator {

    static final String MESSAGE = "rmsg";
    static final String THROWABLE = "rex";
    static final String CONSOLE_PATTERN = "%-5level %rmsg%n%rex{short}";
    static final String FILE_PATTERN = "%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level [%thread] %logger{36} - %rmsg%n%rex";

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (System.getProperty("logback.configurationFile") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        Path home = Path.of(System.getProperty("aom.home", Path.of(System.getProperty("user.home"),
                ".aom-migration").toString()));
        registerConverters(context);
        Level consoleLevel = Level.toLevel(System.getProperty("aom.console.level", "WARN"), Level.WARN);

        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(context);
        console.setName("CONSOLE");
        console.setTarget("System.err");
        ThresholdFilter threshold = new ThresholdFilter();
        threshold.setLevel(consoleLevel.levelStr);
        threshold.start();
        console.addFilter(threshold);
        console.setEncoder(encoder(context, CONSOLE_PATTERN));
        console.start();

        PrivateLogFile.prepareFolder(home);
        RollingFileAppender<ILoggingEvent> file = new PrivateLogFile();
        file.setContext(context);
        file.setName("FILE");
        file.setFile(home.resolve("logs").resolve("migration.log").toString());
        SizeAndTimeBasedRollingPolicy<ILoggingEvent> rolling = new SizeAndTimeBasedRollingPolicy<>();
        rolling.setContext(context);
        rolling.setParent(file);
        rolling.setFileNamePattern(home.resolve("logs").resolve("migration.%d{yyyy-MM-dd}.%i.log").toString());
        rolling.setMaxFileSize(FileSize.valueOf("20MB"));
        rolling.setMaxHistory(30);
        rolling.setTotalSizeCap(FileSize.valueOf("500MB"));
        rolling.start();
        file.setRollingPolicy(rolling);
        file.setEncoder(encoder(context, FILE_PATTERN));
        file.start();

        context.getLogger("org.mongodb.driver").setLevel(Level.WARN);
        // the embedded demo server warns about every index it only pretends to build
        context.getLogger("de.bwaldvogel").setLevel(Level.ERROR);
        context.getLogger("io.netty").setLevel(Level.WARN);
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(console);
        root.addAppender(file);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    private static PatternLayoutEncoder encoder(LoggerContext context, String pattern) {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(pattern);
        encoder.start();
        return encoder;
    }

    /** What {@code <conversionRule>} does in XML: the pattern words of the redacting converters. */
    private static void registerConverters(LoggerContext context) {
        Map<String, Supplier<DynamicConverter>> rules = new HashMap<>();
        rules.put(MESSAGE, RedactingMessageConverter::new);
        rules.put(THROWABLE, RedactingThrowableConverter::new);
        context.putObject(CoreConstants.PATTERN_RULE_REGISTRY_FOR_SUPPLIERS, rules);
    }
}
