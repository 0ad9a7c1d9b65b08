package aom.migration.cli;

import aom.migration.demo.DemoInstallation;
import aom.migration.demo.DemoScale;
import aom.migration.demo.DemoServers;
import aom.migration.progress.Workers;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** {@code demo}: starts the demo source and target installations and serves until interrupted. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Start two embedded MongoDB-wire servers with a demo source and target installation.",
            "They live in memory and serve until you press Ctrl+C."})
public class DemoCommand implements Callable<Integer> {

    @Option(names = "--source-port", defaultValue = "0", description = "Port of the source (default: any free)")
    int sourcePort;

    @Option(names = "--target-port", defaultValue = "0", description = "Port of the target (default: any free)")
    int targetPort;

    @Option(names = "--documents", defaultValue = "200",
            description = "Documents per LIVE collection (default: ${DEFAULT-VALUE})")
    int documents;

    @Option(names = "--payload-bytes", defaultValue = "400",
            description = "Average filler bytes per document (default: ${DEFAULT-VALUE})")
    int payloadBytes;

    /** How often a line says the demo data is still being written. */
    private static final Duration TICK = Duration.ofSeconds(10);

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        DemoScale scale = new DemoScale(DemoScale.DEMO.seed(), documents, payloadBytes);
        DemoServers servers = startSaying(scale, out);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            servers.close();
            stopped.countDown();
        }, "demo-shutdown"));
        out.println("Demo source: " + servers.source().uri() + "  ("
                + String.join(", ", DemoInstallation.SOURCE_APPLICATIONS) + ")");
        out.println("Demo target: " + servers.target().uri() + "  ("
                + String.join(", ", DemoInstallation.TARGET_APPLICATIONS) + ")");
        out.println();
        out.println("Try:  " + InvocationName.current() + " apps --source " + servers.source().uri());
        out.println("Serving until Ctrl+C.");
        out.flush();
        stopped.await();
        return ExitCode.OK;
    }

    /**
     * Starts the servers, saying so first and every few seconds while they fill: a large demo takes minutes to
     * write, and a terminal without a word for that long looks hung.
     */
    private DemoServers startSaying(DemoScale scale, PrintWriter out) {
        out.println("Writing the demo installations (" + documents + " documents per LIVE collection)...");
        out.flush();
        long started = System.nanoTime();
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(Workers.daemons("demo-ticker"));
        ticker.scheduleAtFixedRate(() -> {
            out.println("  still writing the demo data (" + (System.nanoTime() - started) / 1_000_000_000L
                    + " s so far)");
            out.flush();
        }, TICK.toSeconds(), TICK.toSeconds(), TimeUnit.SECONDS);
        try {
            return DemoServers.start(scale, sourcePort, targetPort);
        } finally {
            ticker.shutdownNow();
        }
    }
}
