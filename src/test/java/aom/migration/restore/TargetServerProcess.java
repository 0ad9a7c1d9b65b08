package aom.migration.restore;

import aom.migration.demo.DemoInstallation;
import aom.migration.demo.DemoScale;
import aom.migration.demo.EmbeddedServer;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import java.nio.file.Path;

/**
 * A file-backed target server in its own JVM, so that a test can kill it like a crashing mongod.
 * {@code init FILE} writes the demo target and shuts down cleanly; {@code serve FILE} serves the file on a free
 * port, prints {@code READY <port>} and runs until killed.
 */
public final class TargetServerProcess {

    private TargetServerProcess() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[1]);
        if (args[0].equals("init")) {
            try (EmbeddedServer server = EmbeddedServer.fileBacked(file, 0);
                 MongoClient client = MongoClients.create(server.uri())) {
                DemoInstallation.writeTarget(client, DemoScale.TESTS);
            }
            return;
        }
        EmbeddedServer server = EmbeddedServer.fileBacked(file, 0);
        System.out.println("READY " + server.port());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
