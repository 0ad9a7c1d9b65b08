package aom.migration.reliability;

import aom.migration.demo.DemoInstallation;
import aom.migration.demo.DemoScale;
import aom.migration.demo.EmbeddedServer;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A file-backed target server (the demo target) in a child JVM, started with the tool's hidden
 * {@code serve --data FILE} command, so that a test can kill it (SIGKILL, like a crashing mongod or a pulled plug)
 * and open the same file again. Starting a JVM takes seconds here, so the next case's server is always started in
 * the background while the current case runs.
 */
final class ServerProcess implements AutoCloseable {

    private static final Path SERVERS = CaseLog.DIRECTORY.resolve("servers");
    private static final AtomicInteger NUMBER = new AtomicInteger();
    private static Path template;
    private static CompletableFuture<ServerProcess> next;

    private final Path directory;
    private final Path file;
    private Process process;
    private int port;

    private ServerProcess(Path directory) {
        this.directory = directory;
        this.file = directory.resolve("target.mv");
    }

    /** A running server on a fresh copy of the demo target. */
    static synchronized ServerProcess demoTarget() {
        CompletableFuture<ServerProcess> ready = next == null ? startInBackground() : next;
        next = startInBackground();
        return ready.join();
    }

    private static CompletableFuture<ServerProcess> startInBackground() {
        Path template = template();
        return CompletableFuture.supplyAsync(() -> {
            try {
                ServerProcess server = new ServerProcess(Files.createDirectories(
                        SERVERS.resolve(String.valueOf(NUMBER.incrementAndGet()))));
                Files.copy(template, server.file);
                server.start();
                return server;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** The demo target in a cleanly closed H2 file, written once per JVM. */
    private static synchronized Path template() {
        if (template == null) {
            try {
                deleteTree(SERVERS);
                Path file = Files.createDirectories(SERVERS).resolve("demo-target.mv");
                try (EmbeddedServer server = EmbeddedServer.fileBacked(file, 0);
                     MongoClient client = MongoClients.create(server.uri())) {
                    DemoInstallation.writeTarget(client, DemoScale.TESTS);
                }
                template = file;
                Runtime.getRuntime().addShutdownHook(new Thread(ServerProcess::stopSpare, "stop-spare-server"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return template;
    }

    private static synchronized void stopSpare() {
        if (next != null) {
            next.thenAccept(ServerProcess::close);
        }
    }

    private void start() throws IOException {
        process = ChildJvm.command(directory, "serve", "--data", file.toString())
                .redirectError(directory.resolve("stderr.txt").toFile()).start();
        BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8));
        String line;
        while ((line = reader.readLine()) != null) {
            if (line.startsWith("Serving mongodb://127.0.0.1:")) {
                port = Integer.parseInt(line.replaceAll("^Serving mongodb://127\\.0\\.0\\.1:(\\d+)/.*$", "$1"));
                return;
            }
        }
        throw new IllegalStateException("The server process ended without serving; see " + directory);
    }

    int port() {
        return port;
    }

    /** The H2 file the server keeps its data in. */
    Path file() {
        return file;
    }

    String uri() {
        return "mongodb://127.0.0.1:" + port + "/";
    }

    boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** SIGKILL: the server gets no chance to flush or close its file. */
    void kill() {
        process.destroyForcibly();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("The server process did not die");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Opens the file again, after a kill, in a server in this JVM (quicker than a new process; the same H2 code
     * reads the file either way).
     */
    EmbeddedServer reopenInProcess() {
        if (isAlive()) {
            kill();
        }
        return EmbeddedServer.fileBacked(file, 0);
    }

    /** Kills the server and deletes its folder (call after closing a server reopened in process). */
    @Override
    public void close() {
        if (isAlive()) {
            kill();
        }
        try {
            deleteTree(directory);
        } catch (IOException e) {
            // Left under target/; mvn clean removes it.
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
