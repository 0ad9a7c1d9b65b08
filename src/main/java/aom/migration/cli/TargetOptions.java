package aom.migration.cli;

import aom.migration.mongo.ConnectionSettings;
import picocli.CommandLine.Option;

/** {@code --target URI}, defaulting to {@code AOM_TARGET_URI}. */
public class TargetOptions {

    @Option(names = "--target", paramLabel = "URI", defaultValue = "${env:AOM_TARGET_URI}",
            description = "Connection string of the target installation (default: $AOM_TARGET_URI)")
    String targetUri;

    /** The parsed target connection; a missing or malformed URI is a usage error. */
    public ConnectionSettings settings() {
        if (targetUri == null || targetUri.isBlank()) {
            throw new UserError(ExitCode.BAD_INPUT, "No target installation: pass --target URI or set AOM_TARGET_URI");
        }
        return ConnectionSettings.fromUri(targetUri);
    }
}
