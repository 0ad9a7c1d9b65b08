package aom.migration.cli;

import aom.migration.model.ExtractionProfile;
import aom.migration.model.SystemKind;
import aom.migration.mongo.InstanceHosts;
import aom.migration.progress.CancellationToken;
import aom.migration.comparison.ComparisonReport;
import aom.migration.restore.VerificationReport;
import aom.migration.session.Comparison;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * {@code verify}: compares one application in two installations (after a migration, or to see what one would
 * change): every collection of its system databases by document count and content hash, and its metadata slice by
 * natural keys. Prints a table, saves the report, exits 0 when equal and 1 when not.
 */
@Command(name = "verify", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Compare one application in two installations: per system database each collection's"
                + " document count and content hash, and the metadata by natural keys (ids may differ).",
            "Exit codes: 0 equal, 1 different (or failed), 2 bad input."})
public class VerifyCommand implements Callable<Integer> {

    @Mixin
    SourceOptions source;

    @Mixin
    TargetOptions target;

    @Parameters(index = "0", arity = "0..1", paramLabel = "APP", description = "The application to compare (or --app)")
    String appArgument;

    @Option(names = "--app", paramLabel = "NAME", description = "The application to compare")
    String app;

    @Option(names = "--systems", split = ",", paramLabel = "SYSTEM", converter = Converters.SystemName.class,
            description = "Systems to compare, comma-separated (default: LIVE,STAGING,TEST)")
    List<SystemKind> systems;

    @Option(names = "--source-system-uri", paramLabel = "SYSTEM=URI",
            description = "A system whose source database lives on another MongoDB than the source's 'apiomat'"
                    + " database, e.g. STAGING=mongodb://h2:27017; repeatable")
    List<String> sourceSystemUris;

    @Option(names = "--target-system-uri", paramLabel = "SYSTEM=URI",
            description = "The same for the target; repeatable")
    List<String> targetSystemUris;

    @Option(names = "--profile", paramLabel = "FILE", description = "Extraction profile to use instead of the default")
    Path profile;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        app = ApplicationArgument.resolve(appArgument, app, "verify", "compare one at a time");
        PrintWriter out = spec.commandLine().getOut();
        Set<SystemKind> chosen = SystemList.of(systems);
        ExtractionProfile extraction = profile == null ? ExtractionProfile.defaults() : ExtractionProfile.load(profile);
        InstanceHosts sourceHosts = SystemUriOptions.parse("--source-system-uri", sourceSystemUris);
        InstanceHosts targetHosts = SystemUriOptions.parse("--target-system-uri", targetSystemUris);
        ComparisonReport report = new Comparison(source.settings(), sourceHosts, target.settings(), targetHosts,
                extraction).compare(app, chosen, new CancellationToken());
        out.print(report.toText());
        VerificationReport.Saved saved = report.save();
        out.println("Report saved to " + saved.text() + " (JSON: " + saved.json() + ")");
        out.flush();
        return report.equal() ? ExitCode.OK : ExitCode.FAILED;
    }
}
