package aom.migration.cli;

import aom.migration.demo.DemoInstallation;
import aom.migration.demo.DemoScale;
import aom.migration.demo.EmbeddedServer;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/**
 * {@code serve}: one embedded MongoDB-wire server in its own process, for benchmarks and fault-injection tests that
 * must kill or measure the server apart from the tool. Hidden from the help: support engineers use {@code demo}.
 */
@Command(name = "serve", hidden = true, mixinStandardHelpOptions = true,
        description = "Serve one embedded MongoDB-wire server until killed (for benchmarks and tests).")
public class ServeCommand implements Callable<Integer> {

    /** What the server holds when it starts. */
    enum Content { EMPTY, DEMO_SOURCE, DEMO_TARGET }

    @Option(names = "--port", defaultValue = "0", description = "Port (default: any free)")
    int port;

    @Option(names = "--data", paramLabel = "FILE", description = "Keep the data in this file (default: in memory)")
    Path dataFile;

    @Option(names = "--content", defaultValue = "EMPTY",
            description = "EMPTY, DEMO_SOURCE or DEMO_TARGET (default: ${DEFAULT-VALUE}); skipped if --data exists")
    Content content;

    @Option(names = "--documents", defaultValue = "24", description = "Demo documents per LIVE collection")
    int documents;

    @Option(names = "--payload-bytes", defaultValue = "64", description = "Demo filler bytes per document")
    int payloadBytes;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        boolean existing = dataFile != null && dataFile.toFile().exists();
        EmbeddedServer server = dataFile == null ? EmbeddedServer.inMemory(port)
                : EmbeddedServer.fileBacked(dataFile, port);
        if (!existing && content != Content.EMPTY) {
            DemoScale scale = new DemoScale(DemoScale.TESTS.seed(), documents, payloadBytes);
            try (MongoClient client = MongoClients.create(server.uri())) {
                if (content == Content.DEMO_SOURCE) {
                    DemoInstallation.writeSource(client, scale);
                } else {
                    DemoInstallation.writeTarget(client, scale);
                }
            }
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "serve-shutdown"));
        PrintWriter out = spec.commandLine().getOut();
        out.println("Serving " + server.uri());
        out.flush();
        stopped.await();
        return ExitCode.OK;
    }
}
