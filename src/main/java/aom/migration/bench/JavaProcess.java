package aom.migration.bench;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Starts the benchmark's other JVMs with the same class path: the server ({@code Main serve}) and one
 * {@link BenchTask} per measurement. Every process is ended by its own handle, never by name.
 */
final class JavaProcess {

    private static final Pattern SERVING = Pattern.compile("Serving (mongodb://\\S+)");

    private final String classPath;
    private final Path logDirectory;

    JavaProcess(String classPath, Path logDirectory) {
        this.classPath = classPath;
        this.logDirectory = logDirectory;
    }

    /** A running server process and its connection string. */
    record Server(Process process, String uri) implements AutoCloseable {
        long pid() {
            return process.pid();
        }

        @Override
        public void close() {
            process.destroy();
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }

    /**
     * Starts an empty in-memory server with {@code heap} (e.g. {@code 6g}) and waits for its URI. The heap is
     * reserved up front and collected by the parallel collector with a third of it young: the server holds the
     * whole data set as Java objects, and G1's concurrent cycles and heap resizing over several gigabytes made its
     * CPU time for the same drain vary by a factor of two between runs.
     */
    Server server(String name, String heap) throws IOException {
        List<String> command = java(List.of("-Xms" + heap, "-Xmx" + heap, "-XX:+UseParallelGC", "-XX:NewRatio=2"),
                classPath);
        command.addAll(List.of("aom.migration.Main", "serve", "--port", "0"));
        Process process = new ProcessBuilder(command).redirectError(logDirectory.resolve(name + ".err").toFile())
                .start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null) {
            Matcher matcher = SERVING.matcher(line);
            if (matcher.find()) {
                // Keep draining stdout so that the server never blocks on a full pipe.
                Thread drain = new Thread(() -> {
                    try {
                        while (out.readLine() != null) {
                            // discard
                        }
                    } catch (IOException ignored) {
                        // the server ended
                    }
                }, name + "-stdout");
                drain.setDaemon(true);
                drain.start();
                return new Server(process, matcher.group(1));
            }
        }
        process.destroyForcibly();
        throw new IOException("The server " + name + " ended without serving; see " + logDirectory.resolve(name
                + ".err"));
    }

    String classPath() {
        return classPath;
    }

    /**
     * Runs one {@link BenchTask} of the build on {@code taskClassPath} with {@code jvmOptions} and returns its
     * figures.
     *
     * @throws IOException when the task failed (its log is named in the message)
     */
    Map<String, Object> task(String label, String taskClassPath, List<String> jvmOptions, String task,
                             Map<String, Object> options) throws IOException, InterruptedException {
        String file = label.replace(':', '-');
        Path result = logDirectory.resolve(file + ".json");
        Path log = logDirectory.resolve(file + ".log");
        Files.deleteIfExists(result);
        List<String> command = java(jvmOptions, taskClassPath);
        command.add(BenchTask.class.getName());
        command.add(task);
        command.add(result.toString());
        options.forEach((key, value) -> command.add(key + "=" + value));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
                .start();
        int exit = process.waitFor();
        if (exit != 0 || !Files.exists(result)) {
            throw new IOException("The benchmark task " + label + " failed (exit " + exit + "); see " + log);
        }
        return new ObjectMapper().readValue(result.toFile(), new TypeReference<LinkedHashMap<String, Object>>() {
        });
    }

    private List<String> java(List<String> jvmOptions, String path) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(path);
        return command;
    }
}
