package aom.migration.demo;

import aom.migration.mongo.ConnectionSettings;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

import java.net.InetSocketAddress;
import java.nio.file.Path;

/**
 * One embedded MongoDB-wire server (mongo-java-server) on a loopback port: in memory, or backed by a file so that
 * its content survives a restart (for fault-injection tests and benchmarks in a separate process).
 */
public final class EmbeddedServer implements AutoCloseable {

    private final MongoServer server;
    private final MongoBackend backend;
    private final InetSocketAddress address;

    private EmbeddedServer(MongoBackend backend, int port) {
        this.backend = backend;
        this.server = new MongoServer(backend);
        server.bind("127.0.0.1", port);
        this.address = server.getLocalAddress();
    }

    /** Starts an in-memory server on a free loopback port. */
    public static EmbeddedServer inMemory() {
        return new EmbeddedServer(new MemoryBackend(), 0);
    }

    /** Starts an in-memory server on {@code port} (0 for any free port). */
    public static EmbeddedServer inMemory(int port) {
        return new EmbeddedServer(new MemoryBackend(), port);
    }

    /**
     * Starts a server on a free loopback port with a backend of the caller's (tests use one that behaves more like
     * a real mongod in some respect); the server closes the backend when it closes.
     */
    public static EmbeddedServer of(MongoBackend backend) {
        return new EmbeddedServer(backend, 0);
    }

    /** Starts a server whose data lives in {@code file} (created if missing) on {@code port} (0 for any). */
    public static EmbeddedServer fileBacked(Path file, int port) {
        return new EmbeddedServer(new H2Backend(file.toAbsolutePath().toString()), port);
    }

    public int port() {
        return address.getPort();
    }

    /** The connection string of this server. */
    public String uri() {
        return "mongodb://127.0.0.1:" + port() + "/";
    }

    public ConnectionSettings settings() {
        return ConnectionSettings.of("127.0.0.1", port());
    }

    @Override
    public void close() {
        server.shutdownNow();
        backend.close();
    }
}
