package aom.migration.reliability;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestWatcher;
import org.junit.jupiter.params.ParameterizedTest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes one JSON line per reliability case to {@code target/reliability/results.jsonl} (started afresh by the first
 * case of a JVM) and, when the test run ends, turns the lines into {@code target/reliability/RELIABILITY.md} with
 * {@link ReliabilityTable}. Registered by {@link Area}.
 */
final class CaseLog implements BeforeEachCallback, AfterEachCallback, TestWatcher, ParameterResolver {

    static final Path DIRECTORY = Path.of("target", "reliability");
    static final Path RESULTS = DIRECTORY.resolve("results.jsonl");
    static final Path TABLE = DIRECTORY.resolve("RELIABILITY.md");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(CaseLog.class);
    /** What a case observed and how long it took, by test id: JUnit closes the case's store before the watcher. */
    private static final Map<String, Finished> FINISHED = new ConcurrentHashMap<>();
    private static boolean started;
    private static int sequence;

    @Override
    public void beforeEach(ExtensionContext context) {
        context.getStore(NAMESPACE).put("start", System.nanoTime());
        context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent("table", key -> new TableAtTheEnd(),
                TableAtTheEnd.class);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Long start = context.getStore(NAMESPACE).get("start", Long.class);
        FINISHED.put(context.getUniqueId(), new Finished(observed(context),
                start == null ? 0 : (System.nanoTime() - start) / 1_000_000));
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Observed.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return observed(context);
    }

    @Override
    public void testSuccessful(ExtensionContext context) {
        record(context, "passed", null);
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        record(context, "FAILED", cause);
    }

    @Override
    public void testAborted(ExtensionContext context, Throwable cause) {
        record(context, "skipped", cause);
    }

    @Override
    public void testDisabled(ExtensionContext context, Optional<String> reason) {
        // Disabled cases are not part of the record.
    }

    private static Observed observed(ExtensionContext context) {
        return context.getStore(NAMESPACE).getOrComputeIfAbsent("observed", key -> new Observed(), Observed.class);
    }

    private static synchronized void record(ExtensionContext context, String outcome, Throwable cause) {
        Area area = context.getRequiredTestClass().getAnnotation(Area.class);
        boolean parameterized = context.getRequiredTestMethod().isAnnotationPresent(ParameterizedTest.class);
        Finished finished = FINISHED.remove(context.getUniqueId());
        Observed observed = finished == null ? new Observed() : finished.observed();
        ObjectNode row = JSON.createObjectNode();
        row.put("area", area.number());
        row.put("title", area.title());
        row.put("promise", area.promise());
        row.put("test", context.getRequiredTestClass().getSimpleName() + "." + context.getRequiredTestMethod()
                .getName());
        row.put("group", parameterized ? context.getParent().map(ExtensionContext::getDisplayName).orElse("") : "");
        row.put("case", context.getDisplayName());
        row.put("sequence", ++sequence);
        row.put("outcome", outcome);
        row.put("millis", finished == null ? 0 : finished.millis());
        if (observed.exitCode() != null) {
            row.put("exitCode", observed.exitCode());
        }
        if (observed.message() != null) {
            row.put("message", observed.message());
        }
        observed.notes().forEach(row.withArray("notes")::add);
        if (cause != null) {
            row.put("failure", String.valueOf(cause.getMessage()).lines().findFirst().orElse(""));
        }
        try {
            Files.createDirectories(DIRECTORY);
            String line = JSON.writeValueAsString(row) + "\n";
            StandardOpenOption mode = started ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING;
            Files.writeString(RESULTS, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE, mode);
            started = true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Finished(Observed observed, long millis) {
    }

    /** Closed by JUnit when the whole run ends: writes the table of every case recorded in this JVM. */
    private static final class TableAtTheEnd implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() throws IOException {
            if (Files.exists(RESULTS)) {
                ReliabilityTable.write(RESULTS, TABLE);
            }
        }
    }
}
