package aom.migration.demo;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

/**
 * The demo of DESIGN.md section 8: a source and a target installation on two embedded servers, filled by
 * {@link DemoInstallation}. Used by {@code migration.jar demo}, the wizard's "try the demo installation" and tests.
 */
public final class DemoServers implements AutoCloseable {

    private final EmbeddedServer source;
    private final EmbeddedServer target;

    private DemoServers(EmbeddedServer source, EmbeddedServer target) {
        this.source = source;
        this.target = target;
    }

    /** Starts both servers on free loopback ports and writes the sample installations. */
    public static DemoServers start(DemoScale scale) {
        return start(scale, 0, 0);
    }

    /** Starts both servers on the given ports (0 for any free port) and writes the sample installations. */
    public static DemoServers start(DemoScale scale, int sourcePort, int targetPort) {
        EmbeddedServer source = EmbeddedServer.inMemory(sourcePort);
        EmbeddedServer target;
        try {
            target = EmbeddedServer.inMemory(targetPort);
        } catch (RuntimeException e) {
            source.close();
            throw e;
        }
        DemoServers servers = new DemoServers(source, target);
        try {
            try (MongoClient client = MongoClients.create(source.uri())) {
                DemoInstallation.writeSource(client, scale);
            }
            try (MongoClient client = MongoClients.create(target.uri())) {
                DemoInstallation.writeTarget(client, scale);
            }
            return servers;
        } catch (RuntimeException e) {
            servers.close();
            throw e;
        }
    }

    public EmbeddedServer source() {
        return source;
    }

    public EmbeddedServer target() {
        return target;
    }

    @Override
    public void close() {
        source.close();
        target.close();
    }
}
